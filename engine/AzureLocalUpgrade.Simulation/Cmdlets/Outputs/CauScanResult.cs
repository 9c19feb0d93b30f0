namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Invoke-CauScan output: the feature update offered to one node (none when UpdateTitle is null).</summary>
public sealed record CauScanResult(string NodeName, string? UpdateTitle, string? UpdateRelease);
