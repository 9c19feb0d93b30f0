using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Schema;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>
/// Loads a cluster inventory (docs/cluster-inventory.md): YAML with limits, schemas/cluster.v1.json, then the
/// typed model with documented defaults. Returns null when the file has any error: a half-read inventory could
/// point a run at the wrong hosts.
/// </summary>
public static class InventoryLoader
{
    public static ClusterInventory? Load(string path, DiagnosticBag bag) => Load(path, bag, LoadLimits.Default);

    public static ClusterInventory? Load(string path, DiagnosticBag bag, LoadLimits limits)
    {
        var local = new DiagnosticBag();
        var inventory = Read(Path.GetFullPath(path), local, limits);
        bag.AddRange(local.Items);
        return local.HasErrors ? null : inventory;
    }

    private static ClusterInventory? Read(string fullPath, DiagnosticBag bag, LoadLimits limits)
    {
        var source = YamlSourceLoader.Load(fullPath, bag, limits);
        if (source is null)
        {
            return null;
        }

        if (YamlMap.From(source.Root) is not { } document)
        {
            bag.Add(DiagnosticCatalog.DocumentNotMapping(source.Root is null ? SourceSpan.At(fullPath, 1, 1) : YamlSpans.Of(fullPath, source.Root)));
            return null;
        }

        var apiVersion = document.String("apiVersion");
        if (apiVersion is null || !RunbookLoader.SupportedApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            var at = document.Get("apiVersion") is { } node ? YamlSpans.Of(fullPath, node) : YamlSpans.Of(fullPath, document.Node);
            bag.Add(DiagnosticCatalog.UnsupportedApiVersion(at, apiVersion, RunbookLoader.SupportedApiVersions));
            return null;
        }

        YamlSchemaValidation.Validate(SchemaCatalog.ClusterV1, source, document.Node, fullPath, bag);
        return InventoryReader.Read(source, document, bag);
    }
}
