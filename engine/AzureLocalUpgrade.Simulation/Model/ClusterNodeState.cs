namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>Failover-cluster node states as Get-ClusterNode reports them.</summary>
public enum ClusterNodeState
{
    Up,
    Down,
    Paused,
    Joining,
}
