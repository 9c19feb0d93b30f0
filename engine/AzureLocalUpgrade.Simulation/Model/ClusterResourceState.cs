namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class ClusterResourceState
{
    public string Name { get; set; } = "";

    public string ResourceType { get; set; } = "";
}
