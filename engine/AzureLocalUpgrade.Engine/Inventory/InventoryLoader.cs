using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Schema;

namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>
/// Loads a cluster inventory (docs/cluster-inventory.md): YAML with limits, schemas/cluster.v1.json, then the
/// typed model with documented defaults. Returns null when the file has any error: a half-read inventory could
/// point a run at the wrong hosts.
/// </summary>
public static class InventoryLoader
{
    public static ClusterInventory? Load(string path, DiagnosticBag bag) => Load(path, bag, LoadLimits.Default);

    public static ClusterInventory? Load(string path, DiagnosticBag bag, LoadLimits limits) =>
        AluDocument.AllOrNothing(path, bag, (fullPath, local) =>
            AluDocument.Load(fullPath, SchemaCatalog.ClusterV1, local, limits) is { } document ? InventoryReader.Read(document.Source, document.Map, local) : null);
}
