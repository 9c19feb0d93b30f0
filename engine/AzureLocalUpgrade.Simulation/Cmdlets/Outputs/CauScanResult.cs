namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Invoke-CauScan output: one update offered to one node (the reference's UpdateInfo; its properties are the simulator's).</summary>
public sealed record CauScanResult(string NodeName, string UpdateTitle, string UpdateRelease);
