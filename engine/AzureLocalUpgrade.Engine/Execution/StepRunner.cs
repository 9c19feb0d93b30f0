using System.Collections.Concurrent;
using System.Globalization;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// Runs one step by its kind: the skipIf guard first, then the script with retries, the check, the poll or the gate.
/// Journals before and after every call to the host. Knows nothing of scheduling; the scheduler owns that.
/// </summary>
internal sealed class StepRunner
{
    private static readonly RetryPolicy SingleAttempt = new(1, TimeSpan.Zero, 1);
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromHours(1);

    private readonly RunContext _context;
    private readonly StepGraph _graph;
    private readonly RunReporter _reporter;
    private readonly CauWindowEnd _windowEnd;
    private readonly IReadOnlyDictionary<string, ApprovalRecord> _earlierApprovals;
    private readonly string[] _nodeNames;
    private readonly ConcurrentDictionary<string, string> _baselines;
    private int _changeStarted;

    public StepRunner(RunContext context, StepGraph graph, RunReporter reporter, bool changeStartedEarlier)
    {
        _context = context;
        _graph = graph;
        _reporter = reporter;
        _windowEnd = new CauWindowEnd(context, graph.Cluster.Name);
        _earlierApprovals = context.Resume?.Approvals ?? new Dictionary<string, ApprovalRecord>();
        _nodeNames = graph.Cluster.Nodes.Select(n => n.Name).ToArray();
        _baselines = new ConcurrentDictionary<string, string>(context.Resume?.Baselines ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        _changeStarted = changeStartedEarlier ? 1 : 0;
    }

    /// <summary>True once any PowerShell step has started in this run (earlier sessions included).</summary>
    public bool ChangeStarted => Volatile.Read(ref _changeStarted) == 1;

    public async Task<StepRunResult> RunAsync(GraphStep step, CancellationToken ct)
    {
        var started = _reporter.Now;
        var target = step.Target.ToString();
        using var activity = RunActivities.StartStep(_context.RunId, step.Id, StepKindNames.Of(step.Kind), target);
        _reporter.Write(
            new JournalRecord { Type = JournalRecordTypes.StepStarted, StepId = step.Id, Kind = StepKindNames.Of(step.Kind), Target = target },
            _reporter.Event(RunEventKind.StepStarted, step.Id, target, StepStatus.Running));

        StepRunResult result;
        try
        {
            result = await RunGuardedAsync(step, started, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            result = new StepRunResult(StepStatus.Interrupted, 0, _reporter.Now - started, "stopped by cancellation");
        }

        Finish(step, result);
        RunActivities.End(activity, JsonName(result.Status), result.Status == StepStatus.Failed, result.Attempts);
        return result;
    }

    private async Task<StepRunResult> RunGuardedAsync(GraphStep step, DateTimeOffset started, CancellationToken ct)
    {
        if (await ReadBaselineAsync(step, started, ct).ConfigureAwait(false) is { } unread)
        {
            return unread;
        }

        if (step.SkipIf is not null)
        {
            var guard = await InvokeAsync(step, step.SkipIf, step.Timeout, ct).ConfigureAwait(false);
            if (guard.Outcome == ScriptOutcome.Cancelled)
            {
                return new StepRunResult(StepStatus.Interrupted, 0, _reporter.Now - started, "stopped by cancellation");
            }

            if (guard.Outcome != ScriptOutcome.Succeeded)
            {
                // An unanswerable guard is not a "no": running the step blind could repeat a change.
                return new StepRunResult(StepStatus.Failed, 0, _reporter.Now - started, "skipIf guard " + Describe(step, guard));
            }

            if (guard.IsTrue)
            {
                return new StepRunResult(StepStatus.Skipped, 0, _reporter.Now - started, "skipIf guard returned true");
            }
        }

        return step.Kind switch
        {
            StepKind.PowerShell or StepKind.Check => await RunScriptAsync(step, started, ct).ConfigureAwait(false),
            StepKind.Wait => await PollAsync(step, started, ct).ConfigureAwait(false),
            StepKind.Manual => await AskApprovalAsync(step, started, ct).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"Step {step.Id} has kind {step.Kind}, which the compiler turns into a group; it cannot execute."),
        };
    }

    /// <summary>
    /// Reads the step's baseline once per run, before its first attempt, and journals it before the step's work can
    /// start: a step retried after a crash or a lost claim (a restart killed after the node went down) is compared
    /// with what was true before it was first tried, never with a value read after it may already have acted.
    /// </summary>
    /// <returns>Null when the step may go on; otherwise why it stops (the baseline could not be read).</returns>
    private async Task<StepRunResult?> ReadBaselineAsync(GraphStep step, DateTimeOffset started, CancellationToken ct)
    {
        if (step.Baseline is not { } script || _baselines.ContainsKey(step.Id))
        {
            return null;
        }

        var read = await InvokeAsync(step, script, step.Timeout, ct).ConfigureAwait(false);
        if (read.Outcome == ScriptOutcome.Cancelled)
        {
            return new StepRunResult(StepStatus.Interrupted, 0, _reporter.Now - started, "stopped by cancellation");
        }

        if (read.Outcome != ScriptOutcome.Succeeded || read.Output.Count == 0 || read.Output[^1] is null)
        {
            // Without the value, a later retry could not tell whether this step already acted: do not act at all.
            var why = read.Outcome == ScriptOutcome.Succeeded ? "returned nothing" : Describe(step, read);
            return new StepRunResult(StepStatus.Failed, 0, _reporter.Now - started, "baseline script " + why);
        }

        var value = _reporter.Redact(Convert.ToString(read.Output[^1], CultureInfo.InvariantCulture)) ?? "";
        _reporter.Write(new JournalRecord { Type = JournalRecordTypes.StepBaseline, StepId = step.Id, Target = step.Target.ToString(), Baseline = value });
        _baselines[step.Id] = value;
        return null;
    }

    private async Task<StepRunResult> RunScriptAsync(GraphStep step, DateTimeOffset started, CancellationToken ct)
    {
        var script = step.Script ?? throw new InvalidOperationException($"Step {step.Id} has no script.");
        var policy = step.Retry ?? SingleAttempt;
        var attempts = Math.Max(1, policy.Attempts);
        if (step.Kind == StepKind.PowerShell)
        {
            Interlocked.Exchange(ref _changeStarted, 1);
        }

        var opening = _windowEnd.CurrentOpening();
        string? failure = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            await _context.Clock.DelayAsync(policy.DelayBefore(attempt), ct).ConfigureAwait(false);
            var result = await InvokeAsync(step, script, step.Timeout, ct).ConfigureAwait(false);
            _reporter.Write(new JournalRecord
            {
                Type = JournalRecordTypes.StepAttempt,
                StepId = step.Id,
                Attempt = attempt,
                Outcome = JsonName(result.Outcome),
                Duration = result.Duration,
                Streams = StreamSummary(result),
                Message = result.Outcome == ScriptOutcome.Succeeded ? null : Describe(step, result),
            });

            if (result.Outcome == ScriptOutcome.Cancelled)
            {
                // The host's words say whether the step really stopped or was left running (outcome unknown).
                return new StepRunResult(StepStatus.Interrupted, attempt, _reporter.Now - started, Describe(step, result));
            }

            if (result.Outcome == ScriptOutcome.Succeeded && step.Kind == StepKind.PowerShell && _windowEnd.EndedDuring(step, script, opening))
            {
                // Invoke-CauRun -StopAfter cancels an Updating Run still going at the window's end, and a canceled run
                // returns normally. The step is not done: it waits (pending) for the next opening, where a new run
                // updates only the nodes left, since CAU skips a node that has no applicable update.
                return new StepRunResult(StepStatus.Pending, attempt, _reporter.Now - started, await _windowEnd.ReasonAsync(step, ct).ConfigureAwait(false));
            }

            if (result.Outcome == ScriptOutcome.Succeeded && step.Kind == StepKind.PowerShell)
            {
                return new StepRunResult(StepStatus.Succeeded, attempt, _reporter.Now - started, null);
            }

            if (result.Outcome == ScriptOutcome.Succeeded)
            {
                // A check that answered is never retried: false is an answer, not a flake (a wait step polls).
                return CheckVerdict(step, result.IsTrue, null, attempt, started);
            }

            failure = Describe(step, result);
            if (attempt < attempts)
            {
                _reporter.Write(
                    new JournalRecord { Type = JournalRecordTypes.StepAttempt, StepId = step.Id, Attempt = attempt, Outcome = "retrying", Message = $"retry in {policy.DelayBefore(attempt + 1)}" },
                    _reporter.Event(RunEventKind.StepAttemptFailed, step.Id, step.Target.ToString(), StepStatus.Running, attempt, message: failure));
            }
        }

        return step.Kind == StepKind.Check
            ? CheckVerdict(step, passed: false, failure, attempts, started)
            : new StepRunResult(StepStatus.Failed, attempts, _reporter.Now - started, failure);
    }

    private StepRunResult CheckVerdict(GraphStep step, bool passed, string? scriptFailure, int attempts, DateTimeOffset started)
    {
        if (passed)
        {
            return new StepRunResult(StepStatus.Succeeded, attempts, _reporter.Now - started, null);
        }

        var message = step.Message ?? $"check {step.Id} returned false";
        if (scriptFailure is not null)
        {
            message += $" (the check could not be evaluated: {scriptFailure})";
        }

        if (step.CheckSeverity == Severity.Warning)
        {
            var warning = new RunWarning(step.Id, _reporter.Redact(message)!);
            _reporter.Write(
                new JournalRecord { Type = JournalRecordTypes.CheckWarning, StepId = step.Id, Message = message },
                _reporter.Event(RunEventKind.Warning, step.Id, step.Target.ToString(), message: message));
            return new StepRunResult(StepStatus.Succeeded, attempts, _reporter.Now - started, message, Warning: warning);
        }

        return new StepRunResult(StepStatus.Failed, attempts, _reporter.Now - started, message, FailedCheckBeforeChange: !ChangeStarted);
    }

    private async Task<StepRunResult> PollAsync(GraphStep step, DateTimeOffset started, CancellationToken ct)
    {
        var script = step.Script ?? throw new InvalidOperationException($"Step {step.Id} has no script.");
        var interval = step.PollInterval ?? DefaultPollInterval;
        var timeout = step.Timeout ?? DefaultWaitTimeout;
        var deadline = started + timeout;
        string? lastProblem = null;
        for (var poll = 1; ; poll++)
        {
            var remaining = deadline - _reporter.Now;
            var result = await InvokeAsync(step, script, remaining > TimeSpan.Zero ? remaining : interval, ct).ConfigureAwait(false);
            if (result.Outcome == ScriptOutcome.Cancelled)
            {
                return new StepRunResult(StepStatus.Interrupted, poll, _reporter.Now - started, "stopped by cancellation");
            }

            if (result.IsTrue)
            {
                return new StepRunResult(StepStatus.Succeeded, poll, _reporter.Now - started, null);
            }

            // Errors while polling (a node still rebooting) are "not yet"; the last one is kept for the failure message.
            lastProblem = result.Outcome == ScriptOutcome.Succeeded ? lastProblem : Describe(step, result);
            var now = _reporter.Now;
            if (now >= deadline)
            {
                var message = $"{step.Message ?? "condition"} still not true after {timeout} ({poll} polls every {interval})";
                return new StepRunResult(StepStatus.Failed, poll, now - started, lastProblem is null ? message : $"{message}; last error: {lastProblem}");
            }

            var pause = deadline - now < interval ? deadline - now : interval;
            await _context.Clock.DelayAsync(pause, ct).ConfigureAwait(false);
        }
    }

    private async Task<StepRunResult> AskApprovalAsync(GraphStep step, DateTimeOffset started, CancellationToken ct)
    {
        if (_earlierApprovals.TryGetValue(step.Id, out var earlier))
        {
            // Approved in an earlier session but not finished (the rehearsal was stopped): the approval stands.
            return await RehearseAsync(step, earlier, started, ct).ConfigureAwait(false);
        }

        ApprovalDecision decision = _context.PreApprovedGates.Contains(step.Id)
            ? ApprovalDecision.Approve(_context.ApprovedBy, _context.PreApprovalMethod)
            : await _context.Approvals.RequestAsync(
                new ApprovalRequest(_context.RunId, step.Id, step.DisplayName, step.Instructions, step.Target.ToString()), ct).ConfigureAwait(false);

        switch (decision.Verdict)
        {
            case ApprovalVerdict.Approved:
                var approval = new ApprovalRecord(step.Id, decision.By ?? "unknown", _reporter.Now, decision.How ?? "unknown");
                _reporter.Write(
                    new JournalRecord { Type = JournalRecordTypes.GateApproved, StepId = step.Id, By = approval.By, How = approval.How, Message = decision.Comment },
                    _reporter.Event(RunEventKind.GateApproved, step.Id, message: $"approved by {approval.By} ({approval.How})"));
                return await RehearseAsync(step, approval, started, ct).ConfigureAwait(false);
            case ApprovalVerdict.Rejected:
                return new StepRunResult(StepStatus.Failed, 1, _reporter.Now - started,
                    $"gate {step.Id} rejected by {decision.By ?? "unknown"}" + (decision.Comment is null ? "" : $": {decision.Comment}"));
            default:
                var waiting = $"waiting for approval of gate {step.Id}; approve with: alu resume {_context.RunId} --approve {ShellQuoting.ForAnyShell(step.Id)}";
                _reporter.Write(
                    new JournalRecord { Type = JournalRecordTypes.GateWaiting, StepId = step.Id, Message = step.Instructions },
                    _reporter.Event(RunEventKind.GateWaiting, step.Id, message: waiting));
                return new StepRunResult(StepStatus.WaitingForApproval, 0, _reporter.Now - started, waiting);
        }
    }

    /// <summary>
    /// Plays the person's part on a simulated cluster: the gate's rehearse script, run on its target after approval
    /// and before the gate counts as done. The compiler keeps rehearsals only for simulated inventories, so on a real
    /// cluster this returns the approval as it is. A failing rehearsal fails the gate: what the person would have done
    /// did not happen.
    /// </summary>
    private async Task<StepRunResult> RehearseAsync(GraphStep step, ApprovalRecord approval, DateTimeOffset started, CancellationToken ct)
    {
        if (step.Rehearsal is not { } rehearsal)
        {
            return new StepRunResult(StepStatus.Succeeded, 1, _reporter.Now - started, null, Approval: approval);
        }

        Interlocked.Exchange(ref _changeStarted, 1);
        var result = await InvokeAsync(step, rehearsal, step.Timeout, ct).ConfigureAwait(false);
        var failure = result.Outcome == ScriptOutcome.Succeeded ? null : "rehearsal " + Describe(step, result);
        _reporter.Write(new JournalRecord
        {
            Type = JournalRecordTypes.GateRehearsal,
            StepId = step.Id,
            Target = step.Target.ToString(),
            Outcome = JsonName(result.Outcome),
            Duration = result.Duration,
            Streams = StreamSummary(result),
            Message = failure,
        });

        return result.Outcome switch
        {
            ScriptOutcome.Succeeded => new StepRunResult(StepStatus.Succeeded, 1, _reporter.Now - started, "approved; rehearsal ran (simulated cluster)", Approval: approval),
            ScriptOutcome.Cancelled => new StepRunResult(StepStatus.Interrupted, 1, _reporter.Now - started, "stopped by cancellation", Approval: approval),
            _ => new StepRunResult(StepStatus.Failed, 1, _reporter.Now - started, failure, Approval: approval),
        };
    }

    private void Finish(GraphStep step, StepRunResult result)
    {
        var target = step.Target.ToString();
        switch (result.Status)
        {
            case StepStatus.Skipped:
                _reporter.Write(
                    new JournalRecord { Type = JournalRecordTypes.StepSkipped, StepId = step.Id, Target = target, Reason = result.Message },
                    _reporter.Event(RunEventKind.StepSkipped, step.Id, target, StepStatus.Skipped, message: result.Message));
                break;
            case StepStatus.Interrupted:
                _reporter.Write(
                    new JournalRecord { Type = JournalRecordTypes.StepInterrupted, StepId = step.Id, Target = target, Attempts = result.Attempts, Duration = result.Duration, Message = result.Message },
                    _reporter.Event(RunEventKind.StepFinished, step.Id, target, StepStatus.Interrupted, result.Attempts, result.Duration, result.Message));
                break;
            case StepStatus.WaitingForApproval:
                // Not finished: a resume asks again (a gate has no side effects, so re-asking is always safe).
                break;
            default:
                _reporter.Write(
                    new JournalRecord
                    {
                        Type = JournalRecordTypes.StepFinished,
                        StepId = step.Id,
                        Target = target,
                        Outcome = JsonName(result.Status),
                        Attempts = result.Attempts,
                        Duration = result.Duration,
                        Message = result.Message,
                    },
                    _reporter.Event(RunEventKind.StepFinished, step.Id, target, result.Status, result.Attempts, result.Duration, result.Message));
                break;
        }
    }

    private Task<ScriptResult> InvokeAsync(GraphStep step, EmbeddedText script, TimeSpan? timeout, CancellationToken ct) =>
        _context.Host.InvokeAsync(
            new ScriptInvocation(step.Id, step.Target, script, Parameters(step), timeout, _context.ReconnectTimeout), ct);

    private Dictionary<string, object?> Parameters(GraphStep step)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Node"] = step.Target.Node,
            ["Nodes"] = _nodeNames,
            ["ClusterName"] = _graph.Cluster.Name,
            ["Params"] = _graph.Parameters,
            ["Inputs"] = step.Inputs,
            ["StopAfter"] = WindowRemaining(),
        };
        if (step.Baseline is not null)
        {
            parameters["Baseline"] = _baselines.GetValueOrDefault(step.Id);
        }

        return parameters;
    }

    /// <summary>
    /// What is left of the window's current opening as the step starts ($StopAfter), so a CAU run can be bounded to the
    /// window's end with Invoke-CauRun -StopAfter; null without a window (or outside an opening).
    /// </summary>
    private TimeSpan? WindowRemaining() => _windowEnd.CurrentOpening() is { } opening ? opening.RemainingAt(_context.Clock.UtcNow) : null;

    private string Describe(GraphStep step, ScriptResult result) => result.Outcome switch
    {
        ScriptOutcome.TimedOut => $"timed out after {step.Timeout?.ToString() ?? "the host's limit"}",
        ScriptOutcome.Unreachable =>
            $"{step.Target} was unreachable for longer than the reconnect timeout ({_context.ReconnectTimeout})" + Suffix(result.ErrorMessage),
        ScriptOutcome.Cancelled => "stopped by cancellation"
            + (result.ErrorMessage is { } why && !why.StartsWith("Stopped by cancellation", StringComparison.Ordinal) ? ": " + why : ""),
        _ => "failed" + Suffix(result.ErrorMessage) + (result.ErrorPosition.IsNone ? "" : $" at {result.ErrorPosition}"),
    };

    private static string Suffix(string? message) => string.IsNullOrWhiteSpace(message) ? "" : ": " + message;

    private static Dictionary<string, int>? StreamSummary(ScriptResult result) =>
        result.Records.Count == 0 ? null : result.Records.GroupBy(r => r.Stream).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    internal static string JsonName<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
