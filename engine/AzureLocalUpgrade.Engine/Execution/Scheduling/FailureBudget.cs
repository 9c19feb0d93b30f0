using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// What a failure does to the run: outside a forEach group it stops the run; inside one it fails that node
/// instance, which the group tolerates until its failure budget (maxFailed) is used up, and then the group stops.
/// </summary>
internal sealed class FailureBudget(ExecutionState state, Compensator compensator)
{
    public void OnStepFailed(StepState step, StepRunResult result)
    {
        var message = $"{step.Step.Id} on {step.Step.Target}: {step.Message}";
        var instance = step.Instance;
        if (instance is null)
        {
            state.Failures.Add((message, result.FailedCheckBeforeChange));
            compensator.Queue(state.Graph.AncestorsOf(step.Step).Select(g => g.Id));
            return;
        }

        if (instance.Status == InstanceStatus.Failed)
        {
            return;
        }

        instance.Status = InstanceStatus.Failed;
        ExecutionState.MarkNotRun(instance.Steps.Where(s => s.Status == StepStatus.Pending), $"not run: {step.Step.Id} failed on node {instance.Node}");
        compensator.Queue(state.Graph.AncestorsOf(step.Step).TakeWhile(g => g.Id != instance.Parent.Group.Id).Select(g => g.Id));

        var forEach = instance.Parent;
        if (forEach.BudgetExceeded)
        {
            state.Failures.Add((message, result.FailedCheckBeforeChange));
            StopGroup(forEach, BudgetMessage(forEach) + $"; last failure: {message}");
        }
        else
        {
            var warning = $"{instance.Group.Id} failed and is tolerated by {forEach.Group.Id} (maxFailed {forEach.Strategy.MaxFailed}, {forEach.Failures} used): {message}";
            state.Warnings.Add(new RunWarning(step.Step.Id, warning));
            state.Reporter.Write(new JournalRecord { Type = JournalRecordTypes.GroupStopped, StepId = instance.Group.Id, Outcome = "tolerated", Reason = warning },
                state.Reporter.Event(RunEventKind.Warning, instance.Group.Id, message: warning));
        }
    }

    public static string BudgetMessage(ForEachState forEach) =>
        $"group {forEach.Group.Id} stopped starting node instances: {forEach.Failures} of {forEach.Instances.Count} failed or were unhealthy before the run, more than maxFailed {forEach.Strategy.MaxFailed}";

    /// <summary>Stops a forEach group from starting instances; running ones finish. Its enclosing groups' onFailure steps then run.</summary>
    public void StopGroup(ForEachState forEach, string reason)
    {
        if (forEach.StoppedReason is not null)
        {
            return;
        }

        forEach.StoppedReason = reason;
        if (!state.Failures.Any(f => f.Message == reason))
        {
            state.Failures.Add((reason, !state.Runner.ChangeStarted));
        }

        ExecutionState.MarkNotRun(forEach.Instances.Where(i => i.Status == InstanceStatus.Pending).SelectMany(i => i.Steps).Where(s => s.Status == StepStatus.Pending), "not run: " + reason);
        compensator.Queue(state.AncestorIds(forEach.Group));
        state.Reporter.Write(new JournalRecord { Type = JournalRecordTypes.GroupStopped, StepId = forEach.Group.Id, Outcome = "stopped", Reason = reason },
            state.Reporter.Event(RunEventKind.GroupStopped, forEach.Group.Id, message: reason));
    }
}
