using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Ledger;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// One execution session of a graph. A single loop owns all scheduling state; steps, health gates and compensations
/// run as tasks that hand back an action the loop applies, so no scheduling state is ever shared between threads.
/// Every ready step starts at once, within each forEach group's strategy and failure budget.
/// </summary>
internal sealed class ExecutionRun
{
    private readonly StepGraph _graph;
    private readonly RunContext _context;
    private readonly RunReporter _reporter;
    private readonly StepRunner _runner;
    private readonly ChangeLedger _ledger;
    private readonly ClusterHealthProbe _probe;
    private readonly Dictionary<string, GraphGroup> _groups;
    private readonly List<StepState> _steps = [];
    private readonly Dictionary<string, StepState> _stepsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceState> _instances = new(StringComparer.Ordinal);
    private readonly List<ForEachState> _forEachGroups = [];
    private readonly Dictionary<string, HashSet<string>> _groupSteps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompensationState> _compensations = new(StringComparer.Ordinal);
    private readonly List<string> _compensationOrder = [];
    private readonly List<StepRecord> _compensationRecords = [];
    private readonly List<RunWarning> _warnings = [];
    private readonly List<ApprovalRecord> _approvals = [];
    private readonly List<string> _waitingGates = [];
    private WindowDecision? _windowWait;
    private string? _windowGroup;
    private readonly List<(string Message, bool Precondition)> _failures = [];
    private readonly HashSet<Task<Action>> _running = [];
    private bool _stopRequested;

    public ExecutionRun(StepGraph graph, RunContext context)
    {
        _graph = graph;
        _context = context;
        _reporter = new RunReporter(context, SecretRedactor.For(graph));
        _runner = new StepRunner(context, graph, _reporter, context.Resume?.ChangeStarted ?? false);
        _ledger = new ChangeLedger(graph.Cluster.Name);
        _probe = new ClusterHealthProbe(context.Host, graph, context.HealthGate);
        _groups = graph.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        BuildState();
    }

    private bool Failing => _failures.Count > 0;

    private bool Pausing => _waitingGates.Count > 0 || _windowWait is not null;

    public async Task<RunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        JournalStart();
        using var hardStop = new CancellationTokenSource();
        var stopSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellationToken.Register(() => stopSignal.TrySetResult()).ConfigureAwait(false);

        var decisionsNeeded = ApplyResumeState();
        if (decisionsNeeded.Count > 0)
        {
            return Finish(RunOutcome.Paused, PauseReason.Decision, decisionsNeeded, DecisionMessage(decisionsNeeded));
        }

        JournalCompileTimeSkips();
        await ApplyClusterStateAsync(hardStop.Token).ConfigureAwait(false);

        while (true)
        {
            if (cancellationToken.IsCancellationRequested && !_stopRequested)
            {
                BeginStop(hardStop);
            }

            if (!_stopRequested && !Failing && !Pausing)
            {
                StartReadySteps(hardStop.Token);
            }

            StartCompensations(hardStop.Token);
            if (_running.Count == 0)
            {
                break;
            }

            var waitingOn = _stopRequested ? _running.Cast<Task>().ToList() : [.. _running, stopSignal.Task];
            var completed = await Task.WhenAny(waitingOn).ConfigureAwait(false);
            if (completed == stopSignal.Task)
            {
                BeginStop(hardStop);
                continue;
            }

            var task = (Task<Action>)completed;
            _running.Remove(task);
            (await task.ConfigureAwait(false))();
        }

        return Conclude();
    }

    // ---- set-up ------------------------------------------------------------------------------------------------

    private void BuildState()
    {
        foreach (var group in _graph.Groups.Where(g => g.IsForEachParent))
        {
            var forEach = new ForEachState(group);
            _forEachGroups.Add(forEach);
            foreach (var instanceId in group.InstanceIds)
            {
                var instance = new InstanceState(_groups[instanceId], forEach);
                forEach.Instances.Add(instance);
                _instances[instanceId] = instance;
            }
        }

        foreach (var step in _graph.Steps)
        {
            var instance = _graph.AncestorsOf(step).Select(g => _instances.GetValueOrDefault(g.Id)).FirstOrDefault(i => i is not null);
            var state = new StepState(step, step.Needs.Select(ResolveNeed).ToList(), instance);
            _steps.Add(state);
            _stepsById[step.Id] = state;
            instance?.Steps.Add(state);
        }
    }

    private Requirement ResolveNeed(string id) =>
        _graph.TryGetStep(id, out _) ? new Requirement(id, null)
        : _groups.TryGetValue(id, out var group) ? new Requirement(id, group)
        : throw new InvalidOperationException($"A step needs '{id}', which is neither a step nor a group of this graph; the compiler should have rejected it.");

    private void JournalStart()
    {
        var identity = new JournalRunIdentity(
            _graph.RunbookName,
            _graph.RunbookVersion,
            _graph.Cluster.Name,
            StepGraphFingerprint.Of(_graph),
            _graph.SourceHashes,
            SecretRedactor.RedactValues(_graph.Parameters),
            _graph.Steps.Select(s => s.Id).ToList());
        var resumed = _context.Resume is not null;
        _reporter.Write(
            new JournalRecord { Type = resumed ? JournalRecordTypes.RunResumed : JournalRecordTypes.RunStarted, Run = identity },
            _reporter.Event(RunEventKind.RunStarted, message: $"{(resumed ? "resuming" : "starting")} {_graph.RunbookName} {_graph.RunbookVersion} on cluster {_graph.Cluster.Name}"));
    }

    /// <summary>Finished steps stay done; failed ones run again; interrupted ones re-run only when safe or decided.</summary>
    private List<string> ApplyResumeState()
    {
        var resume = _context.Resume;
        var needDecision = new List<string>();
        if (resume is null)
        {
            return needDecision;
        }

        foreach (var change in resume.Changes)
        {
            _ledger.Apply(change);
        }

        _approvals.AddRange(resume.Approvals.Values.Where(a => _stepsById.ContainsKey(a.GateId)));
        foreach (var state in _steps)
        {
            if (resume.Finished.TryGetValue(state.Step.Id, out var status) && status is StepStatus.Succeeded or StepStatus.Skipped)
            {
                state.Status = status;
                state.Attempts = resume.Attempts.GetValueOrDefault(state.Step.Id);
                state.Message = "done in an earlier session";
                state.RanInEarlierSession = true;
            }
        }

        foreach (var id in resume.Interrupted.Where(_stepsById.ContainsKey))
        {
            var step = _stepsById[id].Step;
            var decided = resume.Decisions.TryGetValue(id, out var decision);
            if (decided && decision == ResumeDecision.Skip)
            {
                var state = _stepsById[id];
                state.Status = StepStatus.Skipped;
                state.Message = "skipped by operator decision (--skip)";
                _reporter.Write(
                    new JournalRecord { Type = JournalRecordTypes.StepSkipped, StepId = id, Target = step.Target.ToString(), Reason = state.Message },
                    _reporter.Event(RunEventKind.StepSkipped, id, step.Target.ToString(), StepStatus.Skipped, message: state.Message));
            }
            else if (!decided && !step.SafeToRerun && step.Kind != StepKind.Manual)
            {
                // A gate has no effect of its own, so asking again is always safe; anything else might repeat a change.
                needDecision.Add(id);
            }
        }

        foreach (var instance in _instances.Values.Where(i => i.Steps.Count > 0 && i.Steps.All(s => s.IsDone)))
        {
            instance.Status = InstanceStatus.Succeeded;
        }

        return needDecision;
    }

    private void JournalCompileTimeSkips()
    {
        foreach (var state in _steps.Where(s => s.Status == StepStatus.Pending && s.Step.SkippedReason is not null))
        {
            state.Status = StepStatus.Skipped;
            state.Message = state.Step.SkippedReason;
            _reporter.Write(
                new JournalRecord { Type = JournalRecordTypes.StepSkipped, StepId = state.Step.Id, Target = state.Step.Target.ToString(), Reason = state.Message },
                _reporter.Event(RunEventKind.StepSkipped, state.Step.Id, state.Step.Target.ToString(), StepStatus.Skipped, message: state.Message));
        }

        foreach (var instance in _instances.Values.Where(i => i.Steps.Count > 0 && i.Steps.All(s => s.IsDone)))
        {
            instance.Status = InstanceStatus.Succeeded;
        }
    }

    /// <summary>
    /// Nodes already unhealthy before the run count against every forEach group's failure budget. On a resume,
    /// nodes this run itself touched (in any group) are not "already unhealthy": the run owns their state.
    /// </summary>
    private async Task ApplyClusterStateAsync(CancellationToken ct)
    {
        if (_forEachGroups.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, string>? states;
        try
        {
            states = await _probe.ReadNodeStatesAsync(new HashSet<string>(), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (states is null)
        {
            var warning = new RunWarning(null, "could not read cluster node states at run start; nodes that were already unhealthy are not counted against failure budgets (health gates still apply)");
            _warnings.Add(warning);
            _reporter.Write(new JournalRecord { Type = JournalRecordTypes.ClusterState, Message = warning.Message }, _reporter.Event(RunEventKind.Warning, message: warning.Message));
            return;
        }

        _reporter.Write(new JournalRecord { Type = JournalRecordTypes.ClusterState, Nodes = states });
        var touched = _context.Resume?.Started ?? new HashSet<string>();

        // Per node, not per group: a node this run took down in one group (a reboot a crash interrupted) is still
        // coming back when a later group reaches it; its health gate waits for it instead of excluding it.
        var touchedNodes = _forEachGroups.SelectMany(f => f.Instances)
            .Where(i => i.Steps.Any(st => touched.Contains(st.Step.Id)))
            .Select(i => i.Node)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var forEach in _forEachGroups)
        {
            foreach (var instance in forEach.Instances.Where(i => i.Status == InstanceStatus.Pending))
            {
                var state = states.TryGetValue(instance.Node, out var s) ? s : "missing";
                if (string.Equals(state, "Up", StringComparison.OrdinalIgnoreCase) || touchedNodes.Contains(instance.Node))
                {
                    continue;
                }

                instance.Status = InstanceStatus.Excluded;
                var reason = $"node {instance.Node} was {state} before the run; counted against the failure budget of {forEach.Group.Id} (maxFailed {forEach.Strategy.MaxFailed})";
                MarkNotRun(instance.Steps, reason);
                _warnings.Add(new RunWarning(instance.Group.Id, reason));
                _reporter.Write(new JournalRecord { Type = JournalRecordTypes.GroupStopped, StepId = instance.Group.Id, Reason = reason, Outcome = "excluded" },
                    _reporter.Event(RunEventKind.Warning, instance.Group.Id, message: reason));
            }

            if (forEach.BudgetExceeded)
            {
                var unhealthy = string.Join(", ", forEach.Instances.Where(i => i.HasFailed).Select(i => $"{i.Node} ({states.GetValueOrDefault(i.Node, "missing")})"));
                StopGroup(forEach, $"group {forEach.Group.Id} cannot start: {forEach.Failures} node(s) already unhealthy before the run ({unhealthy}) exceed its failure budget (maxFailed {forEach.Strategy.MaxFailed})");
            }
        }
    }

    // ---- scheduling --------------------------------------------------------------------------------------------

    private void StartReadySteps(CancellationToken ct)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var state in _steps.Where(s => s.Status == StepStatus.Pending))
            {
                var (requirement, why) = Evaluate(state);
                if (requirement == RequirementState.Broken)
                {
                    MarkNotRun([state], why);
                    changed = true;
                    continue;
                }

                if (requirement == RequirementState.Waiting || !MayStartWithinInstance(state, ct))
                {
                    continue;
                }

                StartStep(state, ct);
                changed = true;
            }
        }
    }

    /// <summary>True when the step's node instance is running; begins the instance when the strategy allows it.</summary>
    private bool MayStartWithinInstance(StepState state, CancellationToken ct)
    {
        var instance = state.Instance;
        if (instance is null || instance.Status == InstanceStatus.Running)
        {
            return true;
        }

        if (instance.Status != InstanceStatus.Pending)
        {
            return false;
        }

        var forEach = instance.Parent;
        if (forEach.StoppedReason is not null)
        {
            return false;
        }

        if (forEach.BudgetExceeded)
        {
            StopGroup(forEach, BudgetMessage(forEach));
            return false;
        }

        // Instances start in inventory order, and only while the strategy has room.
        var next = forEach.Instances.First(i => i.Status == InstanceStatus.Pending);
        if (next != instance || forEach.Instances.Count(IsInFlight) >= forEach.Concurrency)
        {
            return false;
        }

        if (instance.Group.Disruptive || forEach.Group.Disruptive)
        {
            if (!FitsInWindow(instance))
            {
                return false;
            }

            instance.Status = InstanceStatus.Gating;
            NoteInFlight(forEach);
            _running.Add(PassHealthGateAsync(instance, ct));
            return false;
        }

        instance.Status = InstanceStatus.Running;
        NoteInFlight(forEach);
        return true;
    }

    /// <summary>A disruptive instance starts only when its estimate fits in the window; otherwise the run pauses.</summary>
    private bool FitsInWindow(InstanceState instance)
    {
        if (_context.Window is not { } window)
        {
            return true;
        }

        var decision = window.Decide(_context.Clock.UtcNow, instance.Group.Estimate);
        var record = new JournalRecord { Type = JournalRecordTypes.WindowCheck, StepId = instance.Group.Id, Outcome = decision.MayStart ? "fits" : "deferred", Reason = decision.Reason };
        if (decision.MayStart)
        {
            _reporter.Write(record);
            return true;
        }

        _windowWait = decision;
        _windowGroup = instance.Group.Id;
        _reporter.Write(record, _reporter.Event(RunEventKind.Warning, instance.Group.Id, $"node {instance.Node}", message: $"{instance.Group.Id} deferred: {decision.Reason}"));
        return false;
    }

    private void NoteInFlight(ForEachState forEach) =>
        forEach.MaxInFlight = Math.Max(forEach.MaxInFlight, forEach.Instances.Count(IsInFlight));

    /// <summary>An instance holds its node out of service from the health gate until its compensation is done.</summary>
    private bool IsInFlight(InstanceState instance) => instance.Status switch
    {
        InstanceStatus.Gating or InstanceStatus.Running => true,
        InstanceStatus.Failed => instance.Steps.Any(s => s.Status == StepStatus.Running)
            || _compensations.GetValueOrDefault(instance.Group.Id, CompensationState.Done) != CompensationState.Done,
        _ => false,
    };

    private (RequirementState State, string Why) Evaluate(StepState state)
    {
        var result = RequirementState.Met;
        foreach (var requirement in state.Requirements)
        {
            var (one, why) = requirement.Group is null ? EvaluateStep(requirement.Id) : EvaluateGroup(requirement.Group);
            if (one == RequirementState.Broken)
            {
                return (one, why);
            }

            if (one == RequirementState.Waiting)
            {
                result = RequirementState.Waiting;
            }
        }

        return (result, "");
    }

    private (RequirementState, string) EvaluateStep(string id)
    {
        var needed = _stepsById[id];
        return needed.Status switch
        {
            StepStatus.Succeeded or StepStatus.Skipped => (RequirementState.Met, ""),
            StepStatus.Failed or StepStatus.NotRun => (RequirementState.Broken, $"not run: needs {id}, which {(needed.Status == StepStatus.Failed ? "failed" : "did not run")}"),
            _ => (RequirementState.Waiting, ""),
        };
    }

    /// <summary>A group is done when every step in it is done, except steps of node instances its failure budget tolerates.</summary>
    private (RequirementState, string) EvaluateGroup(GraphGroup group)
    {
        var waiting = false;
        foreach (var id in StepsOf(group))
        {
            var step = _stepsById[id];
            if (step.IsDone)
            {
                continue;
            }

            if (step.Status is StepStatus.Failed or StepStatus.NotRun)
            {
                var instance = step.Instance;
                var tolerated = instance is not null && instance.HasFailed && !instance.Parent.BudgetExceeded && instance.Parent.StoppedReason is null;
                if (!tolerated)
                {
                    return (RequirementState.Broken, $"not run: needs group {group.Id}, in which {id} {(step.Status == StepStatus.Failed ? "failed" : "did not run")}");
                }

                continue;
            }

            waiting = true;
        }

        waiting |= _compensations.Any(c => c.Value != CompensationState.Done && IsWithin(c.Key, group.Id));
        return (waiting ? RequirementState.Waiting : RequirementState.Met, "");
    }

    private HashSet<string> StepsOf(GraphGroup group)
    {
        if (_groupSteps.TryGetValue(group.Id, out var ids))
        {
            return ids;
        }

        ids = new HashSet<string>(group.StepIds.Where(_stepsById.ContainsKey), StringComparer.Ordinal);
        foreach (var instanceId in group.InstanceIds)
        {
            ids.UnionWith(StepsOf(_groups[instanceId]));
        }

        _groupSteps[group.Id] = ids;
        return ids;
    }

    private bool IsWithin(string groupId, string ancestorId)
    {
        for (var id = groupId; id is not null;)
        {
            if (id == ancestorId)
            {
                return true;
            }

            var group = _groups[id];
            id = group.ForEachParentId ?? group.ParentId;
        }

        return false;
    }

    private void StartStep(StepState state, CancellationToken ct)
    {
        state.Status = StepStatus.Running;
        _running.Add(RunStepAsync(state, ct));
    }

    private async Task<Action> RunStepAsync(StepState state, CancellationToken ct)
    {
        var result = await RunSafelyAsync(state.Step, ct).ConfigureAwait(false);
        var compensation = new List<StepRecord>();
        if (result.Status == StepStatus.Failed && state.Step.OnFailure.Count > 0)
        {
            compensation = await CompensateAsync(state.Step.OnFailure, ct).ConfigureAwait(false);
        }

        return () =>
        {
            _compensationRecords.AddRange(compensation);
            OnStepFinished(state, result);
        };
    }

    /// <summary>A host that throws is an engine bug; record it as this step's failure so the journal stays whole.</summary>
    private async Task<StepRunResult> RunSafelyAsync(GraphStep step, CancellationToken ct)
    {
        try
        {
            return await _runner.RunAsync(step, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The run must end with a journal and a result whatever a host does.
        catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var message = $"internal error while running the step: {error.GetType().Name}: {error.Message}";
            _reporter.Write(new JournalRecord { Type = JournalRecordTypes.StepFinished, StepId = step.Id, Outcome = "failed", Message = message });
            return new StepRunResult(StepStatus.Failed, 0, TimeSpan.Zero, message);
        }
    }

    private void OnStepFinished(StepState state, StepRunResult result)
    {
        state.Status = result.Status;
        state.Attempts = result.Attempts;
        state.Duration = result.Duration;
        state.Message = _reporter.Redact(result.Message);
        RecordChanges(state.Step, result.Status);
        if (result.Warning is not null)
        {
            _warnings.Add(result.Warning);
        }

        if (result.Approval is not null)
        {
            _approvals.Add(result.Approval);
        }

        switch (result.Status)
        {
            case StepStatus.WaitingForApproval:
                state.Status = StepStatus.Pending;
                _waitingGates.Add(state.Step.Id);
                break;
            case StepStatus.Failed:
                OnStepFailed(state, result);
                break;
            case StepStatus.Succeeded or StepStatus.Skipped:
                if (state.Instance is { Status: InstanceStatus.Running } instance && instance.Steps.All(s => s.IsDone))
                {
                    instance.Status = InstanceStatus.Succeeded;
                }

                break;
        }
    }

    private void RecordChanges(GraphStep step, StepStatus status)
    {
        if (status is not (StepStatus.Succeeded or StepStatus.Failed or StepStatus.Interrupted))
        {
            return;
        }

        foreach (var change in _ledger.RecordFinished(step, status == StepStatus.Succeeded))
        {
            _reporter.Write(new JournalRecord { Type = JournalRecordTypes.Change, StepId = step.Id, Change = change });
        }
    }

    private void OnStepFailed(StepState state, StepRunResult result)
    {
        var message = $"{state.Step.Id} on {state.Step.Target}: {state.Message}";
        var instance = state.Instance;
        if (instance is null)
        {
            _failures.Add((message, result.FailedCheckBeforeChange));
            QueueCompensation(_graph.AncestorsOf(state.Step).Select(g => g.Id));
            return;
        }

        if (instance.Status == InstanceStatus.Failed)
        {
            return;
        }

        instance.Status = InstanceStatus.Failed;
        MarkNotRun(instance.Steps.Where(s => s.Status == StepStatus.Pending), $"not run: {state.Step.Id} failed on node {instance.Node}");
        QueueCompensation(_graph.AncestorsOf(state.Step).TakeWhile(g => g.Id != instance.Parent.Group.Id).Select(g => g.Id));

        var forEach = instance.Parent;
        if (forEach.BudgetExceeded)
        {
            _failures.Add((message, result.FailedCheckBeforeChange));
            StopGroup(forEach, BudgetMessage(forEach) + $"; last failure: {message}");
        }
        else
        {
            var warning = $"{instance.Group.Id} failed and is tolerated by {forEach.Group.Id} (maxFailed {forEach.Strategy.MaxFailed}, {forEach.Failures} used): {message}";
            _warnings.Add(new RunWarning(state.Step.Id, warning));
            _reporter.Write(new JournalRecord { Type = JournalRecordTypes.GroupStopped, StepId = instance.Group.Id, Outcome = "tolerated", Reason = warning },
                _reporter.Event(RunEventKind.Warning, instance.Group.Id, message: warning));
        }
    }

    private static string BudgetMessage(ForEachState forEach) =>
        $"group {forEach.Group.Id} stopped starting node instances: {forEach.Failures} of {forEach.Instances.Count} failed or were unhealthy before the run, more than maxFailed {forEach.Strategy.MaxFailed}";

    /// <summary>Stops a forEach group from starting instances; running ones finish. Its enclosing groups' onFailure steps then run.</summary>
    private void StopGroup(ForEachState forEach, string reason)
    {
        if (forEach.StoppedReason is not null)
        {
            return;
        }

        forEach.StoppedReason = reason;
        if (!_failures.Any(f => f.Message == reason))
        {
            _failures.Add((reason, !_runner.ChangeStarted));
        }

        MarkNotRun(forEach.Instances.Where(i => i.Status == InstanceStatus.Pending).SelectMany(i => i.Steps).Where(s => s.Status == StepStatus.Pending), "not run: " + reason);
        QueueCompensation(AncestorIds(forEach.Group));
        _reporter.Write(new JournalRecord { Type = JournalRecordTypes.GroupStopped, StepId = forEach.Group.Id, Outcome = "stopped", Reason = reason },
            _reporter.Event(RunEventKind.GroupStopped, forEach.Group.Id, message: reason));
    }

    private IEnumerable<string> AncestorIds(GraphGroup group)
    {
        for (var id = group.ParentId; id is not null; id = _groups[id].ParentId)
        {
            yield return id;
        }
    }

    private static void MarkNotRun(IEnumerable<StepState> states, string reason)
    {
        foreach (var state in states.ToList())
        {
            state.Status = StepStatus.NotRun;
            state.Message = reason;
        }
    }

    // ---- health gate -------------------------------------------------------------------------------------------

    /// <summary>
    /// Before a node of a disruptive group is taken down: every other node is Up (except nodes this group already
    /// has down or has written off), no storage job runs and every virtual disk is healthy. Polled until the timeout.
    /// </summary>
    private async Task<Action> PassHealthGateAsync(InstanceState instance, CancellationToken ct)
    {
        var forEach = instance.Parent;
        var exempt = forEach.Instances.Where(i => i == instance || i.HasFailed || (i.Status == InstanceStatus.Running))
            .Select(i => i.Node).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var allNodes = _graph.Cluster.Nodes.Select(n => n.Name).ToList();
        var options = _context.HealthGate;
        var deadline = _reporter.Now + options.Timeout;
        var announced = false;
        try
        {
            while (true)
            {
                var snapshot = await _probe.SnapshotAsync(exempt, ct).ConfigureAwait(false);
                var blockers = snapshot.BlockersIgnoring(allNodes, exempt);
                if (blockers.Count == 0)
                {
                    _reporter.Write(new JournalRecord { Type = JournalRecordTypes.HealthGate, StepId = instance.Group.Id, Outcome = "passed" });
                    return () => instance.Status = Failing || Pausing || _stopRequested ? InstanceStatus.Pending : InstanceStatus.Running;
                }

                var now = _reporter.Now;
                if (now >= deadline)
                {
                    var reason = $"health gate before {instance.Group.Id} not met after {options.Timeout}: {string.Join("; ", blockers)}";
                    _reporter.Write(new JournalRecord { Type = JournalRecordTypes.HealthGate, StepId = instance.Group.Id, Outcome = "failed", Reason = reason });
                    return () =>
                    {
                        instance.Status = InstanceStatus.Pending;
                        StopGroup(forEach, reason);
                    };
                }

                if (!announced)
                {
                    announced = true;
                    var waiting = $"waiting up to {options.Timeout} for the cluster before taking node {instance.Node} down: {string.Join("; ", blockers)}";
                    _reporter.Write(new JournalRecord { Type = JournalRecordTypes.HealthGate, StepId = instance.Group.Id, Outcome = "waiting", Reason = waiting },
                        _reporter.Event(RunEventKind.HealthGateWaiting, instance.Group.Id, $"node {instance.Node}", message: waiting));
                }

                var pause = deadline - now < options.PollInterval ? deadline - now : options.PollInterval;
                await _context.Clock.DelayAsync(pause, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return () => instance.Status = InstanceStatus.Pending;
        }
    }

    // ---- compensation ------------------------------------------------------------------------------------------

    private void QueueCompensation(IEnumerable<string> groupIds)
    {
        foreach (var id in groupIds)
        {
            var group = _groups[id];
            if (group.IsForEachParent || group.OnFailure.Count == 0 || _compensations.ContainsKey(id))
            {
                // A forEach group's onFailure runs per failed node instance, where it has a node to act on.
                continue;
            }

            _compensations[id] = CompensationState.Queued;
            _compensationOrder.Add(id);
        }
    }

    /// <summary>Runs a group's onFailure steps once nothing inside it is still running, innermost groups first.</summary>
    private void StartCompensations(CancellationToken ct)
    {
        foreach (var id in _compensationOrder.Where(i => _compensations[i] == CompensationState.Queued).ToList())
        {
            var group = _groups[id];
            var busy = StepsOf(group).Any(s => _stepsById[s].Status == StepStatus.Running)
                || _compensations.Any(c => c.Key != id && c.Value != CompensationState.Done && IsWithin(c.Key, id))
                || _instances.Values.Any(i => i.Status == InstanceStatus.Gating && IsWithin(i.Group.Id, id));
            if (busy)
            {
                continue;
            }

            _compensations[id] = CompensationState.Running;
            _running.Add(CompensateGroupAsync(group, ct));
        }
    }

    private async Task<Action> CompensateGroupAsync(GraphGroup group, CancellationToken ct)
    {
        var records = await CompensateAsync(group.OnFailure, ct).ConfigureAwait(false);
        return () =>
        {
            _compensationRecords.AddRange(records);
            _compensations[group.Id] = CompensationState.Done;
        };
    }

    /// <summary>onFailure steps run in order; one that fails does not stop the others (undo as much as possible).</summary>
    private async Task<List<StepRecord>> CompensateAsync(IReadOnlyList<GraphStep> steps, CancellationToken ct)
    {
        var records = new List<StepRecord>();
        foreach (var step in steps)
        {
            var result = await RunSafelyAsync(step, ct).ConfigureAwait(false);
            RecordChanges(step, result.Status);
            records.Add(new StepRecord(step.Id, step.Target.ToString(), result.Status, result.Attempts, result.Duration, _reporter.Redact(result.Message)));
        }

        return records;
    }

    // ---- stopping and concluding -------------------------------------------------------------------------------

    private void BeginStop(CancellationTokenSource hardStop)
    {
        _stopRequested = true;
        var grace = _context.CancellationGracePeriod;
        _reporter.Write(new JournalRecord { Type = JournalRecordTypes.RunPaused, Reason = $"cancellation requested; steps in flight get {grace} to finish" },
            _reporter.Event(RunEventKind.Warning, message: $"cancellation requested; {_running.Count} task(s) in flight get {grace} to finish, then they are stopped"));
        _ = StopAfterGraceAsync(hardStop, grace);
    }

    private async Task StopAfterGraceAsync(CancellationTokenSource hardStop, TimeSpan grace)
    {
        await _context.Clock.DelayAsync(grace, CancellationToken.None).ConfigureAwait(false);
        try
        {
            await hardStop.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The run ended within the grace period.
        }
    }

    private RunResult Conclude()
    {
        var firstFailure = _failures.Select(f => f.Message).FirstOrDefault();
        var leftoverReason = _stopRequested ? "not started: the run was cancelled"
            : firstFailure is not null ? $"not started: the run stopped after a failure ({firstFailure})"
            : _waitingGates.Count > 0 ? $"not started: the run paused at gate {_waitingGates[0]}"
            : _windowWait is not null ? $"not started: {_windowGroup} does not fit in the maintenance window"
            : "not started";
        foreach (var state in _steps.Where(s => s.Status == StepStatus.Pending && !_waitingGates.Contains(s.Step.Id)))
        {
            state.Status = StepStatus.NotRun;
            state.Message = state.Instance?.Parent.StoppedReason is { } stopped ? "not run: " + stopped : leftoverReason;
        }

        foreach (var id in _waitingGates)
        {
            _stepsById[id].Status = StepStatus.WaitingForApproval;
        }

        if (_stopRequested)
        {
            return Finish(RunOutcome.Cancelled, PauseReason.Cancelled, [],
                $"Run {_context.RunId} was cancelled; steps in flight finished or were stopped. Resume with: alu resume {_context.RunId}");
        }

        if (Failing)
        {
            var precondition = _failures.All(f => f.Precondition);
            return precondition
                ? Finish(RunOutcome.PreconditionFailed, PauseReason.None, [],
                    $"Run {_context.RunId} stopped before changing anything: {string.Join("; ", _failures.Select(f => f.Message))}")
                : Finish(RunOutcome.Failed, PauseReason.None, [],
                    $"Run {_context.RunId} failed: {string.Join("; ", _failures.Select(f => f.Message))}. After fixing the cause, continue with: alu resume {_context.RunId}");
        }

        if (_waitingGates.Count == 0 && _windowWait is { } window)
        {
            return Finish(RunOutcome.Paused, PauseReason.Window, [_windowGroup!],
                $"Run {_context.RunId} paused before {_windowGroup}: {window.Reason}. Continue in the next window with: alu resume {_context.RunId}");
        }

        if (Pausing)
        {
            var gates = string.Join(" ", _waitingGates.Select(g => "--approve " + g));
            return Finish(RunOutcome.Paused, PauseReason.Gate, _waitingGates.ToList(),
                $"Run {_context.RunId} is waiting for approval of {string.Join(", ", _waitingGates)}. After doing what the gate asks, continue with: alu resume {_context.RunId} {gates}");
        }

        var tolerated = _instances.Values.Where(i => i.HasFailed).Select(i => i.Group.Id).ToList();
        if (tolerated.Count > 0 || _steps.Any(s => s.Status == StepStatus.NotRun))
        {
            return Finish(RunOutcome.Failed, PauseReason.None, [],
                $"Run {_context.RunId} finished, but not on every node: {string.Join(", ", tolerated)} failed or were unhealthy (within the failure budget). Resume to retry them: alu resume {_context.RunId}");
        }

        if (_context.Resume is null && !RunConvergence.DidWork(_steps, _graph))
        {
            return Finish(RunOutcome.Succeeded, PauseReason.None, [],
                $"Run {_context.RunId} succeeded with nothing to do: the cluster was already in the target state. No step changed it " +
                $"(no node was drained, restarted or updated); {RunConvergence.SkippedByGuards(_steps)} step(s) were skipped by their run-time guards.");
        }

        var skipped = _steps.Count(s => s.Status == StepStatus.Skipped);
        return Finish(RunOutcome.Succeeded, PauseReason.None, [],
            $"Run {_context.RunId} succeeded: {_steps.Count - skipped} step(s) done, {skipped} skipped.");
    }

    private RunResult Finish(RunOutcome outcome, PauseReason pause, IReadOnlyList<string> waitingFor, string summary)
    {
        var leftovers = outcome == RunOutcome.Succeeded ? [] : _ledger.Leftovers();
        foreach (var leftover in leftovers)
        {
            _reporter.Write(new JournalRecord { Type = JournalRecordTypes.Leftover, StepId = leftover.StepId, Message = leftover.Description },
                _reporter.Event(RunEventKind.LeftoverChange, leftover.StepId, leftover.Subject, message: leftover.Description));
        }

        var exitCode = RunExitCodes.For(outcome);
        if (outcome is RunOutcome.Paused or RunOutcome.Cancelled)
        {
            _reporter.Write(new JournalRecord { Type = JournalRecordTypes.RunPaused, Reason = StepRunner.JsonName(pause), Message = summary });
        }

        _reporter.Write(
            new JournalRecord { Type = JournalRecordTypes.RunFinished, Outcome = StepRunner.JsonName(outcome), ExitCode = exitCode, Reason = pause == PauseReason.None ? null : StepRunner.JsonName(pause), Message = summary },
            _reporter.Event(RunEventKind.RunFinished, message: summary, exitCode: exitCode));

        return new RunResult(
            _context.RunId,
            outcome,
            pause,
            _reporter.Redact(summary)!,
            waitingFor,
            _steps.Select(s => s.ToRecord()).Concat(_compensationRecords).ToList(),
            _warnings.ToList(),
            _approvals.ToList(),
            leftovers,
            _forEachGroups.ToDictionary(f => f.Group.Id, f => f.MaxInFlight, StringComparer.Ordinal));
    }

    private static string DecisionMessage(IReadOnlyList<string> steps) =>
        "Decision required: " + string.Join("; ", steps.Select(s =>
            $"step {s} was running when the previous session stopped and is not safe to re-run (no skipIf guard, not idempotent). " +
            $"Check what it did, then resume with --retry {s} to run it again or --skip {s} to treat it as done"));
}
