namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>How one step (or onFailure step) ended in this run.</summary>
/// <param name="Duration">Execution-clock time from start to finish (virtual in simulation).</param>
/// <param name="Message">Why it failed, was skipped or did not run; redacted.</param>
public sealed record StepRecord(string StepId, string Target, StepStatus Status, int Attempts, TimeSpan Duration, string? Message);
