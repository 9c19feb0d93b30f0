namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-VirtualDisk output.</summary>
public sealed record VirtualDiskInfo(string FriendlyName, string HealthStatus, string OperationalStatus, bool IsManualAttach, long Size)
{
    public override string ToString() => FriendlyName;
}
