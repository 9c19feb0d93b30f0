namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>
/// Get-ClusterQuorum output (Microsoft.FailoverClusters.PowerShell.ClusterQuorumSettings). The reference names the
/// type only; Cluster and QuorumResource (the witness resource, null without one) are the properties the cmdlet shows.
/// </summary>
public sealed record ClusterQuorumSettings(string Cluster, ClusterResourceInfo? QuorumResource);
