namespace AzureLocalUpgrade.Simulation;

/// <summary>One virtual disk and its volume as Get-VirtualDisk and Get-Volume would report them.</summary>
/// <param name="HealthStatus">Healthy | Warning | Unhealthy | Unknown.</param>
/// <param name="OperationalStatus">OK | Degraded | InService | Detached.</param>
public sealed record VirtualDiskSnapshot(string Name, string HealthStatus, string OperationalStatus, bool VolumeOnline)
{
    public bool Healthy => HealthStatus == "Healthy" && OperationalStatus == "OK" && VolumeOnline;
}
