namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-Volume output; DriveLetter is set for a mounted ISO.</summary>
public sealed record VolumeInfo(string FileSystemLabel, string FileSystem, string HealthStatus, string OperationalStatus, char? DriveLetter, long Size);
