namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-StoragePool output.</summary>
public sealed record StoragePoolInfo(string FriendlyName, string HealthStatus, string OperationalStatus, bool IsPrimordial, string Version)
{
    public override string ToString() => FriendlyName;
}
