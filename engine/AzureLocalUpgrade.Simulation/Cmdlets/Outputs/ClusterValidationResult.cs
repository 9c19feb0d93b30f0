namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Test-Cluster output: Result is Success, Warning or Failed; Failures explains each finding.</summary>
public sealed record ClusterValidationResult(string Result, IReadOnlyList<string> Failures, IReadOnlyList<string> Warnings);
