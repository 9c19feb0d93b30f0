namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Mount-DiskImage output; pipe it to Get-Volume for the drive letter.</summary>
public sealed record DiskImageInfo(string ImagePath, bool Attached, string? DriveLetter);
