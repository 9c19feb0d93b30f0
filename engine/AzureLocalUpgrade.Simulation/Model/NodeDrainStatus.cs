namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>The node's drain status (WMI NodeDrainStatus) as Get-ClusterNode reports it.</summary>
public enum NodeDrainStatus
{
    NotInitiated,
    InProgress,
    Completed,
    Failed,
}
