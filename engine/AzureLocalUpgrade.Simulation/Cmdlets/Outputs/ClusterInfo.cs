namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-Cluster output.</summary>
public sealed record ClusterInfo(string Name, int ClusterFunctionalLevel, int ClusterUpgradeVersion, bool CauEnableSoftReboot)
{
    public override string ToString() => Name;
}
