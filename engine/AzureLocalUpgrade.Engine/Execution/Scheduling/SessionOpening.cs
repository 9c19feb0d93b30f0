using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Ledger;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// What a session does before it schedules anything: journals its start, carries over what an earlier session
/// finished (resume), journals compile-time skips, and counts nodes already unhealthy against failure budgets.
/// </summary>
internal sealed class SessionOpening(ExecutionState state, FailureBudget budget, ClusterHealthProbe probe)
{
    public void JournalStart()
    {
        var graph = state.Graph;
        var identity = new JournalRunIdentity(
            graph.RunbookName,
            graph.RunbookVersion,
            graph.Cluster.Name,
            StepGraphFingerprint.Of(graph),
            graph.SourceHashes,
            SecretRedactor.RedactValues(graph.Parameters),
            graph.Steps.Select(s => s.Id).ToList());
        var resumed = state.Context.Resume is not null;
        state.Reporter.Write(
            new JournalRecord { Type = resumed ? JournalRecordTypes.RunResumed : JournalRecordTypes.RunStarted, Run = identity },
            state.Reporter.Event(RunEventKind.RunStarted, message: $"{(resumed ? "resuming" : "starting")} {graph.RunbookName} {graph.RunbookVersion} on cluster {graph.Cluster.Name}"));
    }

    /// <summary>Finished steps stay done; failed ones run again; interrupted ones re-run only when safe or decided.</summary>
    /// <returns>The interrupted steps a person must decide about (--retry or --skip) before the run may go on.</returns>
    public List<string> ApplyResumeState()
    {
        var resume = state.Context.Resume;
        var needDecision = new List<string>();
        if (resume is null)
        {
            return needDecision;
        }

        foreach (var warning in resume.Warnings)
        {
            state.Warnings.Add(new RunWarning(null, warning));
            state.Reporter.Write(new JournalRecord { Type = JournalRecordTypes.JournalWarning, Message = warning }, state.Reporter.Event(RunEventKind.Warning, message: warning));
        }

        foreach (var change in resume.Changes)
        {
            state.Ledger.Apply(change);
        }

        state.Approvals.AddRange(resume.Approvals.Values.Where(a => state.StepsById.ContainsKey(a.GateId)));
        foreach (var step in state.Steps)
        {
            if (resume.Finished.TryGetValue(step.Step.Id, out var status) && status is StepStatus.Succeeded or StepStatus.Skipped)
            {
                step.Status = status;
                step.Attempts = resume.Attempts.GetValueOrDefault(step.Step.Id);
                step.Message = "done in an earlier session";
                step.RanInEarlierSession = true;
            }
        }

        foreach (var id in resume.Interrupted.Where(state.StepsById.ContainsKey))
        {
            var step = state.StepsById[id];
            var decided = resume.Decisions.TryGetValue(id, out var decision);
            if (decided && decision == ResumeDecision.Skip)
            {
                step.Status = StepStatus.Skipped;
                step.Message = "skipped by operator decision (--skip)";
                state.Reporter.Write(
                    new JournalRecord { Type = JournalRecordTypes.StepSkipped, StepId = id, Target = step.Step.Target.ToString(), Reason = step.Message },
                    state.Reporter.Event(RunEventKind.StepSkipped, id, step.Step.Target.ToString(), StepStatus.Skipped, message: step.Message));
            }
            else if (!decided && step.Step.Kind != StepKind.Manual && (!step.Step.SafeToRerun || (resume.OutcomeUnknown.Contains(id) && !ReadsOnly(step.Step))))
            {
                // A gate has no effect of its own, so asking again is always safe; anything else might repeat a
                // change, and a step whose holder lost its claim mid-step may still be running or have finished.
                needDecision.Add(id);
            }
        }

        state.MarkInstancesDoneWhereAllStepsAre();
        return needDecision;
    }

    /// <summary>
    /// A check or a wait without a change tag only reads the cluster: running it again while the stalled holder's copy
    /// may still be running changes nothing, so no person needs to decide about it.
    /// </summary>
    private static bool ReadsOnly(GraphStep step) =>
        step.Kind is StepKind.Check or StepKind.Wait && !step.Tags.Any(tag => ChangeTags.Parse(tag) is not null);

    public void JournalCompileTimeSkips()
    {
        foreach (var step in state.Steps.Where(s => s.Status == StepStatus.Pending && s.Step.SkippedReason is not null))
        {
            step.Status = StepStatus.Skipped;
            step.Message = step.Step.SkippedReason;
            state.Reporter.Write(
                new JournalRecord { Type = JournalRecordTypes.StepSkipped, StepId = step.Step.Id, Target = step.Step.Target.ToString(), Reason = step.Message },
                state.Reporter.Event(RunEventKind.StepSkipped, step.Step.Id, step.Step.Target.ToString(), StepStatus.Skipped, message: step.Message));
        }

        state.MarkInstancesDoneWhereAllStepsAre();
    }

    /// <summary>
    /// Nodes already unhealthy before the run count against every forEach group's failure budget. On a resume,
    /// nodes this run itself touched (in any group) are not "already unhealthy": the run owns their state.
    /// </summary>
    public async Task ApplyClusterStateAsync(CancellationToken ct)
    {
        if (state.ForEachGroups.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, string>? states;
        try
        {
            states = await probe.ReadNodeStatesAsync(new HashSet<string>(), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var reporter = state.Reporter;
        if (states is null)
        {
            var warning = new RunWarning(null, "could not read cluster node states at run start; nodes that were already unhealthy are not counted against failure budgets (health gates still apply)");
            state.Warnings.Add(warning);
            reporter.Write(new JournalRecord { Type = JournalRecordTypes.ClusterState, Message = warning.Message }, reporter.Event(RunEventKind.Warning, message: warning.Message));
            return;
        }

        reporter.Write(new JournalRecord { Type = JournalRecordTypes.ClusterState, Nodes = states });
        var touched = state.Context.Resume?.Started ?? new HashSet<string>();

        // Per node, not per group: a node this run took down in one group (a reboot a crash interrupted) is still
        // coming back when a later group reaches it; its health gate waits for it instead of excluding it.
        var touchedNodes = state.ForEachGroups.SelectMany(f => f.Instances)
            .Where(i => i.Steps.Any(st => touched.Contains(st.Step.Id)))
            .Select(i => i.Node)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var forEach in state.ForEachGroups)
        {
            foreach (var instance in forEach.Instances.Where(i => i.Status == InstanceStatus.Pending))
            {
                var nodeState = states.TryGetValue(instance.Node, out var s) ? s : "missing";
                if (string.Equals(nodeState, "Up", StringComparison.OrdinalIgnoreCase) || touchedNodes.Contains(instance.Node))
                {
                    continue;
                }

                instance.Status = InstanceStatus.Excluded;
                var reason = $"node {instance.Node} was {nodeState} before the run; counted against the failure budget of {forEach.Group.Id} (maxFailed {forEach.Strategy.MaxFailed})";
                ExecutionState.MarkNotRun(instance.Steps, reason);
                state.Warnings.Add(new RunWarning(instance.Group.Id, reason));
                reporter.Write(new JournalRecord { Type = JournalRecordTypes.GroupStopped, StepId = instance.Group.Id, Reason = reason, Outcome = "excluded" },
                    reporter.Event(RunEventKind.Warning, instance.Group.Id, message: reason));
            }

            if (forEach.BudgetExceeded)
            {
                var unhealthy = string.Join(", ", forEach.Instances.Where(i => i.HasFailed).Select(i => $"{i.Node} ({states.GetValueOrDefault(i.Node, "missing")})"));
                budget.StopGroup(forEach, $"group {forEach.Group.Id} cannot start: {forEach.Failures} node(s) already unhealthy before the run ({unhealthy}) exceed its failure budget (maxFailed {forEach.Strategy.MaxFailed})");
            }
        }
    }
}
