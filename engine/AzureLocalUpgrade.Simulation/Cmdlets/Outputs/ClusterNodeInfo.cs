using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-ClusterNode output. ToString is the name, so a node object can be passed where a name is expected.</summary>
public sealed record ClusterNodeInfo(string Name, ClusterNodeState State, NodeDrainStatus DrainStatus, int BuildNumber, string? Site, string Cluster)
{
    public string NodeName => Name;

    public override string ToString() => Name;
}
