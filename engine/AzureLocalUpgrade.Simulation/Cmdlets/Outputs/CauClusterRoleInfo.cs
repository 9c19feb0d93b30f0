namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-CauClusterRole output when the role is installed.</summary>
public sealed record CauClusterRoleInfo(string ClusterName, string ResourceGroupName, string Status);
