namespace AzureLocalUpgrade.Engine.Reporting;

/// <summary>Everything a run report shows, gathered from the run's journal (so `alu report` works after the fact).</summary>
/// <param name="Outcome">Succeeded | Failed | PreconditionFailed | Paused | Cancelled | Running.</param>
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
    int ExitCode,
    string? Reason,
    IReadOnlyList<StepReport> Steps,
    IReadOnlyList<ApprovalReport> Approvals,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> FinalBuilds,
    IReadOnlyList<string> LeftBehind);

/// <param name="Status">Succeeded | Failed | Skipped | TimedOut | Cancelled | Running | Pending | Waiting.</param>
public sealed record StepReport(string Id, string Target, string Status, TimeSpan Duration, int Attempts, string? Message);

/// <param name="How">prompt | --approve | approval file … (ticket …).</param>
public sealed record ApprovalReport(string GateId, string ApprovedBy, DateTimeOffset ApprovedAt, string How);
