using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.Engine.Reporting;

/// <summary>Walks journal records in order and keeps what a report shows; one instance per report.</summary>
internal sealed class JournalFold
{
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<ApprovalReport> _approvals = [];
    private readonly List<AttemptReport> _failedAttempts = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _decisions = [];
    private readonly List<string> _leftBehind = [];

    public JournalFold(IEnumerable<string> graphStepIds)
    {
        foreach (var id in graphStepIds)
        {
            RowOf(id);
        }
    }

    public JournalRecord? LastFinish { get; private set; }

    public int Sessions { get; private set; }

    public IReadOnlyList<ApprovalReport> Approvals => _approvals;

    public IReadOnlyList<AttemptReport> FailedAttempts => _failedAttempts;

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyList<string> Decisions => _decisions;

    public IReadOnlyList<string> LeftBehind => _leftBehind;

    public void Apply(JournalRecord record)
    {
        switch (record.Type)
        {
            case JournalRecordTypes.RunStarted:
                Sessions++;
                break;
            case JournalRecordTypes.RunResumed:
                Sessions++;
                LastFinish = null;
                // Leftovers are re-listed by each session that ends unsuccessfully; the last list is the current one.
                _leftBehind.Clear();
                break;
            case JournalRecordTypes.RunFinished:
                LastFinish = record;
                break;
            case JournalRecordTypes.StepStarted when record.StepId is { } id:
                var started = RowOf(id);
                started.Target = record.Target ?? started.Target;
                started.Status = nameof(StepStatus.Running);
                started.Message = null;
                break;
            case JournalRecordTypes.StepAttempt when record.StepId is { } id && record.Outcome is not ("succeeded" or "retrying"):
                _failedAttempts.Add(new AttemptReport(id, record.Attempt ?? 0, record.Outcome ?? "failed", record.Message));
                break;
            case JournalRecordTypes.StepFinished or JournalRecordTypes.StepInterrupted when record.StepId is { } id:
                var finished = RowOf(id);
                finished.Target = record.Target ?? finished.Target;
                finished.Status = record.Type == JournalRecordTypes.StepInterrupted
                    ? nameof(StepStatus.Interrupted)
                    : RunReportBuilder.PascalCase(record.Outcome ?? "failed");
                finished.Attempts = record.Attempts ?? finished.Attempts;
                finished.Duration = record.Duration ?? finished.Duration;
                finished.Message = record.Message;
                break;
            case JournalRecordTypes.StepSkipped when record.StepId is { } id:
                var skipped = RowOf(id);
                skipped.Target = record.Target ?? skipped.Target;
                skipped.Status = nameof(StepStatus.Skipped);
                skipped.Message = record.Reason;
                break;
            case JournalRecordTypes.GateWaiting when record.StepId is { } id:
                var gate = RowOf(id);
                gate.Status = nameof(StepStatus.WaitingForApproval);
                gate.Message = "waiting for approval";
                break;
            case JournalRecordTypes.GateApproved when record.StepId is { } id:
                _approvals.Add(new ApprovalReport(id, record.By ?? "unknown", record.Time, record.How ?? "unknown"));
                break;
            case JournalRecordTypes.Decision when record.StepId is { } id:
                _decisions.Add($"`{id}`: {record.Decision} (decided by {record.By ?? "unknown"} at {record.Time.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC)");
                break;
            case JournalRecordTypes.CheckWarning when record.Message is not null:
                _warnings.Add(record.StepId is null ? record.Message : $"{record.StepId}: {record.Message}");
                break;
            case JournalRecordTypes.ClusterState when record.Message is not null:
                _warnings.Add(record.Message);
                break;
            case JournalRecordTypes.GroupStopped when record.Reason is not null:
                _warnings.Add($"{record.StepId} ({record.Outcome}): {record.Reason}");
                break;
            case JournalRecordTypes.HealthGate when record.Outcome == "failed" && record.Reason is not null:
                _warnings.Add($"{record.StepId}: health gate failed: {record.Reason}");
                break;
            case JournalRecordTypes.WindowCheck when record.Outcome == "deferred" && record.Reason is not null:
                _warnings.Add($"{record.StepId}: deferred to the next maintenance window: {record.Reason}");
                break;
            // Resuming takes the lock back from the run's own paused session: routine, not worth a warning.
            case JournalRecordTypes.LockTakeover when record.PreviousHolder is { } previous && previous.RunId != record.RunId:
                _warnings.Add($"took over the cluster lock from run {previous.RunId} on {previous.Host} (pid {previous.ProcessId}): {record.Reason}");
                break;
            case JournalRecordTypes.Leftover when record.Message is not null:
                _leftBehind.Add(record.Message);
                break;
        }
    }

    /// <param name="finished">When the run has finished, a step it never reached did not run (rather than pending).</param>
    public IReadOnlyList<StepReport> Steps(bool finished) =>
        _order.Select(id => _rows[id]).Select(r => new StepReport(
            r.Id,
            r.Target ?? "",
            finished && r.Status == nameof(StepStatus.Pending) ? nameof(StepStatus.NotRun) : r.Status,
            r.Duration,
            r.Attempts,
            r.Message)).ToList();

    private Row RowOf(string id)
    {
        if (!_rows.TryGetValue(id, out var row))
        {
            row = new Row(id);
            _rows[id] = row;
            _order.Add(id);
        }

        return row;
    }

    private sealed class Row(string id)
    {
        public string Id { get; } = id;

        public string? Target { get; set; }

        public string Status { get; set; } = nameof(StepStatus.Pending);

        public int Attempts { get; set; }

        public TimeSpan Duration { get; set; }

        public string? Message { get; set; }
    }
}
