namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>Cluster group and resource states (CLUSTER_GROUP_STATE subset the simulator produces).</summary>
public enum ClusterGroupStatus
{
    Online,
    Offline,
    Failed,
    PartialOnline,
}
