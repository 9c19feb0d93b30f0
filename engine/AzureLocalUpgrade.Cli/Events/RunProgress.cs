using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// What the live display shows, folded from the event stream alone: the steps running now (per target), how many are
/// done, the last few things an operator should read, and one row per step for the final summary. A notice repeated
/// for many nodes (the same text but for the node's name) is kept once with the count of nodes.
/// </summary>
internal sealed class RunProgress(IReadOnlyList<string>? nodes = null)
{
    private const int NoticesKept = 5;

    private readonly IReadOnlyList<string> _nodes = nodes ?? [];

    private readonly Dictionary<string, StepRow> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Queue<Notice> _notices = new();

    public string? RunId { get; private set; }

    public string? Headline { get; private set; }

    public RunEvent? Finished { get; private set; }

    /// <summary>The first event's time (the run's clock: virtual on a simulated cluster).</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>The latest event's time: "now" as far as the display knows.</summary>
    public DateTimeOffset? LatestAt { get; private set; }

    public IEnumerable<StepRow> Running => _order.Select(id => _rows[id]).Where(r => r.Status == StepStatus.Running);

    public IEnumerable<StepRow> Rows => _order.Select(id => _rows[id]);

    public int Completed => _rows.Values.Count(r => r.Status is not (StepStatus.Running or StepStatus.Pending or StepStatus.WaitingForApproval));

    public int Failed => _rows.Values.Count(r => r.Status == StepStatus.Failed);

    public IEnumerable<Notice> Notices => _notices;

    /// <summary>Folds one event in; returns the notice it raised, if any (a failure, a warning, a gate).</summary>
    public Notice? Apply(RunEvent runEvent)
    {
        RunId ??= runEvent.RunId;
        StartedAt ??= runEvent.Time;
        LatestAt = runEvent.Time;
        switch (runEvent.Kind)
        {
            case RunEventKind.RunStarted:
                Headline = runEvent.Message;
                return null;
            case RunEventKind.StepStarted when runEvent.StepId is { } started:
                var row = Row(started, runEvent.Target);
                row.Status = StepStatus.Running;
                row.StartedAt = runEvent.Time;
                return null;
            case RunEventKind.StepAttemptFailed when runEvent.StepId is { } retried:
                Row(retried, runEvent.Target).Attempts = runEvent.Attempt ?? 0;
                return Remember(new Notice(NoticeLevel.Warning, $"{retried}: attempt {runEvent.Attempt} failed, retrying: {runEvent.Message}"));
            case RunEventKind.StepFinished when runEvent.StepId is { } finished:
                var done = Row(finished, runEvent.Target);
                done.Status = runEvent.Status ?? StepStatus.Succeeded;
                done.Attempts = runEvent.Attempt ?? done.Attempts;
                done.Duration = runEvent.Duration;
                done.Message = runEvent.Message;
                return done.Status is StepStatus.Failed or StepStatus.Interrupted
                    ? Remember(new Notice(NoticeLevel.Error, $"{finished} {EventNames.Status(done.Status)}: {runEvent.Message}"))
                    : null;
            case RunEventKind.StepSkipped when runEvent.StepId is { } skipped:
                var skip = Row(skipped, runEvent.Target);
                skip.Status = StepStatus.Skipped;
                skip.Message = runEvent.Message;
                return null;
            case RunEventKind.GateWaiting when runEvent.StepId is { } gate:
                Row(gate, runEvent.Target).Status = StepStatus.WaitingForApproval;
                return Remember(new Notice(NoticeLevel.Warning, runEvent.Message ?? $"waiting for approval of gate {gate}"));
            case RunEventKind.GateApproved:
                return Remember(new Notice(NoticeLevel.Info, $"{runEvent.StepId}: {runEvent.Message}"));
            case RunEventKind.RunFinished:
                Finished = runEvent;
                return null;
            default:
                return runEvent.Message is null
                    ? null
                    : Remember(new Notice(NoticeLevel.Warning, runEvent.StepId is null ? runEvent.Message : $"{runEvent.StepId}: {runEvent.Message}"));
        }
    }

    private Notice Remember(Notice notice)
    {
        var general = Generalise(notice.Text);
        var earlier = _notices.FirstOrDefault(n => n.Level == notice.Level && Generalise(n.Text) == general && general != notice.Text);
        var kept = earlier is null ? notice : new Notice(notice.Level, general, earlier.Count + 1);
        var others = _notices.Where(n => n != earlier).ToList();
        _notices.Clear();
        others.ForEach(_notices.Enqueue);
        _notices.Enqueue(kept);
        while (_notices.Count > NoticesKept)
        {
            _notices.Dequeue();
        }

        return notice;
    }

    /// <summary>The text with every node name replaced by {node}, so one warning per node collapses into one.</summary>
    private string Generalise(string text) =>
        _nodes.OrderByDescending(n => n.Length).Aggregate(text, (t, node) => t.Replace(node, "{node}", StringComparison.OrdinalIgnoreCase));

    private StepRow Row(string stepId, string? target)
    {
        if (!_rows.TryGetValue(stepId, out var row))
        {
            row = new StepRow(stepId);
            _rows[stepId] = row;
            _order.Add(stepId);
        }

        row.Target = target ?? row.Target;
        return row;
    }

    internal sealed class StepRow(string stepId)
    {
        public string StepId { get; } = stepId;

        public string? Target { get; set; }

        public StepStatus Status { get; set; } = StepStatus.Pending;

        public int Attempts { get; set; }

        public TimeSpan? Duration { get; set; }

        public DateTimeOffset? StartedAt { get; set; }

        public string? Message { get; set; }
    }

    internal enum NoticeLevel
    {
        Info,
        Warning,
        Error,
    }

    /// <param name="Count">How many nodes the same notice came from (1: shown as it came).</param>
    internal sealed record Notice(NoticeLevel Level, string Text, int Count = 1);
}
