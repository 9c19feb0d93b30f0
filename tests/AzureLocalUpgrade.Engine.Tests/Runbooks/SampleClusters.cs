using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;

namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>Loads a sample cluster through the front end's inventory loader, failing on any diagnostic.</summary>
internal static class SampleClusters
{
    public static ClusterInventory Load(string fileName)
    {
        var bag = new DiagnosticBag();
        var cluster = InventoryLoader.Load(RepositoryPaths.Sample(fileName), bag);
        bag.Items.Should().BeEmpty();
        return cluster!;
    }
}
