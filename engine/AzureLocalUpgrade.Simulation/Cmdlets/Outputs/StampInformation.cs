namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-StampInformation output (only when the Azure Local solution is deployed).</summary>
public sealed record StampInformation(string StampVersion, string ServicesVersion, string InitialDeployedVersion);
