using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-ClusterResource output.</summary>
public sealed record ClusterResourceInfo(string Name, string OwnerGroup, string? OwnerNode, ClusterGroupStatus State, string ResourceType)
{
    public override string ToString() => Name;
}
