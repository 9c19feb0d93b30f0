using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// Runs onFailure steps: a step's own right after it fails, a group's once nothing inside the group is still
/// running (innermost groups first). A forEach group's onFailure runs per failed node instance.
/// </summary>
internal sealed class Compensator(ExecutionState state, StepInvoker invoker)
{
    public void Queue(IEnumerable<string> groupIds)
    {
        foreach (var id in groupIds)
        {
            var group = state.Groups[id];
            if (group.IsForEachParent || group.OnFailure.Count == 0 || state.Compensations.ContainsKey(id))
            {
                // A forEach group's onFailure runs per failed node instance, where it has a node to act on.
                continue;
            }

            state.Compensations[id] = CompensationState.Queued;
            state.CompensationOrder.Add(id);
        }
    }

    /// <summary>Runs a group's onFailure steps once nothing inside it is still running, innermost groups first.</summary>
    public void StartReady(CancellationToken ct)
    {
        foreach (var id in state.CompensationOrder.Where(i => state.Compensations[i] == CompensationState.Queued).ToList())
        {
            var group = state.Groups[id];
            var busy = state.StepsOf(group).Any(s => state.StepsById[s].Status == StepStatus.Running)
                || state.Compensations.Any(c => c.Key != id && c.Value != CompensationState.Done && state.IsWithin(c.Key, id))
                || state.Instances.Values.Any(i => i.Status == InstanceStatus.Gating && state.IsWithin(i.Group.Id, id));
            if (busy)
            {
                continue;
            }

            state.Compensations[id] = CompensationState.Running;
            state.Start(() => CompensateGroupAsync(group, ct));
        }
    }

    /// <summary>onFailure steps run in order; one that fails does not stop the others (undo as much as possible).</summary>
    public async Task<List<StepRecord>> RunAsync(IReadOnlyList<GraphStep> steps, CancellationToken ct)
    {
        var records = new List<StepRecord>();
        foreach (var step in steps)
        {
            var result = await invoker.RunSafelyAsync(step, ct).ConfigureAwait(false);
            invoker.RecordChanges(step, result.Status);
            records.Add(new StepRecord(step.Id, step.Target.ToString(), result.Status, result.Attempts, result.Duration, state.Reporter.Redact(result.Message)));
        }

        return records;
    }

    private async Task<Action> CompensateGroupAsync(GraphGroup group, CancellationToken ct)
    {
        var records = await RunAsync(group.OnFailure, ct).ConfigureAwait(false);
        return () =>
        {
            state.CompensationRecords.AddRange(records);
            state.Compensations[group.Id] = CompensationState.Done;
        };
    }
}
