using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-ClusterGroup output.</summary>
public sealed record ClusterGroupInfo(string Name, string? OwnerNode, ClusterGroupStatus State, string GroupType, string Cluster)
{
    public override string ToString() => Name;
}
