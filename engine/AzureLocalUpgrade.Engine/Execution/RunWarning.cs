namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>A warning-severity check that failed, or another condition the operator should read.</summary>
public sealed record RunWarning(string? StepId, string Message);
