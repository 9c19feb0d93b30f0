using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// Decides when a forEach node instance may begin: in inventory order, within the strategy's concurrency and the
/// failure budget, and for a disruptive group only inside the maintenance window and after the cluster health
/// gate passes; and a disruptive group or step outside node groups (a CAU run, the offline update) only when its
/// estimate fits in the window (<see cref="WindowUnits"/>). (Approval gates are manual steps; the scheduler parks them.)
/// </summary>
internal sealed class Gatekeeper(ExecutionState state, FailureBudget budget, ClusterHealthProbe probe)
{
    /// <summary>True when the step's node instance is running; begins the instance when the strategy allows it.</summary>
    public bool MayStartWithinInstance(StepState step, CancellationToken ct)
    {
        var instance = step.Instance;
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
            budget.StopGroup(forEach, FailureBudget.BudgetMessage(forEach));
            return false;
        }

        // Instances start in inventory order, and only while the strategy has room.
        var next = forEach.Instances.First(i => i.Status == InstanceStatus.Pending);
        if (next != instance || forEach.Instances.Count(state.IsInFlight) >= forEach.Concurrency)
        {
            return false;
        }

        if (instance.Group.Disruptive || forEach.Group.Disruptive)
        {
            if (!FitsInWindow(instance.Group.Id, instance.Group.Estimate, $"node {instance.Node}"))
            {
                return false;
            }

            instance.Status = InstanceStatus.Gating;
            NoteInFlight(forEach);
            state.Start(() => PassHealthGateAsync(instance, ct));
            return false;
        }

        instance.Status = InstanceStatus.Running;
        NoteInFlight(forEach);
        return true;
    }

    /// <summary>
    /// True unless the step opens a disruptive group or is a disruptive step (outside node groups) that does not fit
    /// in what is left of the window. A unit is admitted once: a group already under way (its first step ran, in this
    /// session or before a resume) goes on to its end.
    /// </summary>
    public bool MayStartDisruptive(StepState step)
    {
        if (!state.WindowUnitOfStep.TryGetValue(step.Step.Id, out var unit) || state.AdmittedUnits.Contains(unit.Id))
        {
            return true;
        }

        var underWay = unit.StepIds.Any(id => state.StepsById.TryGetValue(id, out var s) && s.Status != StepStatus.Pending);
        if (!underWay && (state.Pausing || !FitsInWindow(unit.Id, unit.Admission, unit.Node is null ? "cluster" : $"node {unit.Node}")))
        {
            return false;
        }

        state.AdmittedUnits.Add(unit.Id);
        return true;
    }

    /// <summary>
    /// A CAU run the window's end stopped (StepRunner.EndedWithTheWindow): the step waits for the next opening, where it
    /// is admitted again like any unit not yet under way, and the run pauses at the window (exit 3).
    /// </summary>
    public void PauseAfterWindowEnded(StepState step, string reason)
    {
        if (state.WindowUnitOfStep.TryGetValue(step.Step.Id, out var unit))
        {
            state.AdmittedUnits.Remove(unit.Id);
        }

        var next = state.Context.Window?.CurrentOrNext(state.Context.Clock.UtcNow);
        var when = next is { } n ? $"; the next opening starts {n.Start.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)}" : "";
        state.WindowWait = new WindowDecision(false, null, next, reason + when);
        state.WindowGroup = step.Step.Id;
        state.Reporter.Write(
            new JournalRecord { Type = JournalRecordTypes.WindowCheck, StepId = step.Step.Id, Outcome = "deferred", Reason = state.WindowWait.Reason },
            state.Reporter.Event(RunEventKind.Warning, step.Step.Id, "cluster", message: $"{step.Step.Id} paused: {state.WindowWait.Reason}"));
    }

    /// <summary>Disruptive work starts only when its estimate fits in the window; otherwise the run pauses.</summary>
    private bool FitsInWindow(string unitId, TimeSpan estimate, string target)
    {
        if (state.Context.Window is not { } window)
        {
            return true;
        }

        var decision = window.Decide(state.Context.Clock.UtcNow, estimate);
        var record = new JournalRecord { Type = JournalRecordTypes.WindowCheck, StepId = unitId, Outcome = decision.MayStart ? "fits" : "deferred", Reason = decision.Reason };
        if (decision.MayStart)
        {
            state.Reporter.Write(record);
            return true;
        }

        state.WindowWait = decision;
        state.WindowGroup = unitId;
        state.Reporter.Write(record, state.Reporter.Event(RunEventKind.Warning, unitId, target, message: $"{unitId} deferred: {decision.Reason}"));
        return false;
    }

    private void NoteInFlight(ForEachState forEach) =>
        forEach.MaxInFlight = Math.Max(forEach.MaxInFlight, forEach.Instances.Count(state.IsInFlight));

    /// <summary>
    /// Before a node of a disruptive group is taken down: every other node is Up (except nodes this group already
    /// has down or has written off), no storage job runs and every virtual disk is healthy. Polled until the timeout.
    /// </summary>
    private async Task<Action> PassHealthGateAsync(InstanceState instance, CancellationToken ct)
    {
        var forEach = instance.Parent;
        var exempt = forEach.Instances.Where(i => i == instance || i.HasFailed || (i.Status == InstanceStatus.Running))
            .Select(i => i.Node).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var allNodes = state.Graph.Cluster.Nodes.Select(n => n.Name).ToList();
        var options = state.Context.HealthGate;
        var reporter = state.Reporter;
        var deadline = reporter.Now + options.Timeout;
        var announced = false;
        try
        {
            while (true)
            {
                var snapshot = await probe.SnapshotAsync(exempt, ct).ConfigureAwait(false);
                var blockers = snapshot.BlockersIgnoring(allNodes, exempt);
                if (blockers.Count == 0)
                {
                    reporter.Write(new JournalRecord { Type = JournalRecordTypes.HealthGate, StepId = instance.Group.Id, Outcome = "passed" });
                    return () => instance.Status = state.Failing || state.Pausing || state.StopRequested ? InstanceStatus.Pending : InstanceStatus.Running;
                }

                var now = reporter.Now;
                if (now >= deadline)
                {
                    var reason = $"health gate before {instance.Group.Id} not met after {options.Timeout}: {string.Join("; ", blockers)}";
                    reporter.Write(new JournalRecord { Type = JournalRecordTypes.HealthGate, StepId = instance.Group.Id, Outcome = "failed", Reason = reason });
                    return () =>
                    {
                        instance.Status = InstanceStatus.Pending;
                        budget.StopGroup(forEach, reason);
                    };
                }

                if (!announced)
                {
                    announced = true;
                    var waiting = $"waiting up to {options.Timeout} for the cluster before taking node {instance.Node} down: {string.Join("; ", blockers)}";
                    reporter.Write(new JournalRecord { Type = JournalRecordTypes.HealthGate, StepId = instance.Group.Id, Outcome = "waiting", Reason = waiting },
                        reporter.Event(RunEventKind.HealthGateWaiting, instance.Group.Id, $"node {instance.Node}", message: waiting));
                }

                var pause = deadline - now < options.PollInterval ? deadline - now : options.PollInterval;
                await state.Context.Clock.DelayAsync(pause, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return () => instance.Status = InstanceStatus.Pending;
        }
    }
}
