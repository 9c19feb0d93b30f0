namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>One row of <c>alu status RUN</c>: a step as the journal last saw it.</summary>
public sealed record RunStepRow(string StepId, string? Target, StepStatus Status, int Attempts, TimeSpan? Duration, string? Message);
