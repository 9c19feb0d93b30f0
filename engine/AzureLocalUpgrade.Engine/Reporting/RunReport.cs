namespace AzureLocalUpgrade.Engine.Reporting;

/// <summary>Everything a run report shows, gathered from the run's journal (so `alu report` works after the fact).</summary>
/// <param name="Outcome">Succeeded | Failed | PreconditionFailed | Paused | Cancelled | Running (no finish recorded yet).</param>
/// <param name="ExitCode">The scheduler contract's code of the last finish; null while the run has not finished.</param>
/// <param name="Reason">The run's own summary of how it ended (redacted).</param>
/// <param name="FinalBuilds">Node → OS build at the end, when the run could read it (simulated clusters always).</param>
/// <param name="LeftBehind">What the run changed and did not undo, in words ("node n2 left Paused by …").</param>
public sealed record RunReport(
    string RunId,
    string RunbookName,
    string RunbookVersion,
    string ClusterName,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Outcome,
    int? ExitCode,
    string? Reason,
    IReadOnlyList<StepReport> Steps,
    IReadOnlyList<ApprovalReport> Approvals,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> FinalBuilds,
    IReadOnlyList<string> LeftBehind)
{
    /// <summary>Every attempt that failed, in order, including those a later retry made good.</summary>
    public IReadOnlyList<AttemptReport> FailedAttempts { get; init; } = [];

    /// <summary>Decisions an operator made on resume about interrupted steps (retry | skip), with who made them.</summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];

    /// <summary>How many times the run was started or resumed.</summary>
    public int Sessions { get; init; } = 1;
}

/// <param name="Status">A <c>StepStatus</c> name: Succeeded | Failed | Skipped | NotRun | Interrupted | WaitingForApproval | Running | Pending.</param>
/// <param name="Message">Why it failed, was skipped (the reason) or is waiting.</param>
public sealed record StepReport(string Id, string Target, string Status, TimeSpan Duration, int Attempts, string? Message);

/// <param name="How">As journalled: interactive | flag (--approve) | pre-approved | file | ….</param>
public sealed record ApprovalReport(string GateId, string ApprovedBy, DateTimeOffset ApprovedAt, string How);

/// <summary>One attempt of a step that did not succeed: the outcome (failed | timed-out | unreachable) and why.</summary>
public sealed record AttemptReport(string StepId, int Attempt, string Outcome, string? Message);
