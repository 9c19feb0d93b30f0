using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// Starts every pending step whose needs are met (the ready set), once the gatekeeper lets its node instance
/// begin, and applies each finished step's result: done, failed (to the failure budget), or parked at a gate.
/// </summary>
internal sealed class ReadySetScheduler(ExecutionState state, StepInvoker invoker, Compensator compensator, FailureBudget budget, Gatekeeper gatekeeper)
{
    public void StartReadySteps(CancellationToken ct)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var step in state.Steps.Where(s => s.Status == StepStatus.Pending))
            {
                var (requirement, why) = Evaluate(step);
                if (requirement == RequirementState.Broken)
                {
                    ExecutionState.MarkNotRun([step], why);
                    changed = true;
                    continue;
                }

                if (requirement == RequirementState.Waiting || !gatekeeper.MayStartWithinInstance(step, ct) || !gatekeeper.MayStartDisruptive(step))
                {
                    continue;
                }

                step.Status = StepStatus.Running;
                state.Start(() => RunStepAsync(step, ct));
                changed = true;
            }
        }
    }

    private (RequirementState State, string Why) Evaluate(StepState step)
    {
        var result = RequirementState.Met;
        foreach (var requirement in step.Requirements)
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
        var needed = state.StepsById[id];
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
        foreach (var id in state.StepsOf(group))
        {
            var step = state.StepsById[id];
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

        waiting |= state.Compensations.Any(c => c.Value != CompensationState.Done && state.IsWithin(c.Key, group.Id));
        return (waiting ? RequirementState.Waiting : RequirementState.Met, "");
    }

    private async Task<Action> RunStepAsync(StepState step, CancellationToken ct)
    {
        var result = await invoker.RunSafelyAsync(step.Step, ct).ConfigureAwait(false);
        var compensation = new List<StepRecord>();
        if (result.Status == StepStatus.Failed && step.Step.OnFailure.Count > 0)
        {
            compensation = await compensator.RunAsync(step.Step.OnFailure, ct).ConfigureAwait(false);
        }

        return () =>
        {
            state.CompensationRecords.AddRange(compensation);
            OnStepFinished(step, result);
        };
    }

    private void OnStepFinished(StepState step, StepRunResult result)
    {
        step.Status = result.Status;
        step.Attempts = result.Attempts;
        step.Duration = result.Duration;
        step.Message = state.Reporter.Redact(result.Message);
        invoker.RecordChanges(step.Step, result.Status);
        if (result.Warning is not null)
        {
            state.Warnings.Add(result.Warning);
        }

        if (result.Approval is not null)
        {
            state.Approvals.Add(result.Approval);
        }

        switch (result.Status)
        {
            case StepStatus.WaitingForApproval:
                step.Status = StepStatus.Pending;
                state.WaitingGates.Add(step.Step.Id);
                break;
            case StepStatus.Failed:
                budget.OnStepFailed(step, result);
                break;
            case StepStatus.Pending:
                gatekeeper.PauseAfterWindowEnded(step, result.Message ?? CauWindowEnd.Reason);
                break;
            case StepStatus.Succeeded or StepStatus.Skipped:
                if (step.Instance is { Status: InstanceStatus.Running } instance && instance.Steps.All(s => s.IsDone))
                {
                    instance.Status = InstanceStatus.Succeeded;
                }

                break;
        }
    }
}
