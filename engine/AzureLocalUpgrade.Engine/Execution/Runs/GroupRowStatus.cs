namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>
/// Gives the rows the journal never mentions a status a person can read. A group (a forEach instance such as
/// <c>secure-boot/node[n1]</c>) writes no records of its own, only its steps do, so its row is derived from its
/// steps; in a run that succeeded, a row still without a record was not needed (a branch not taken), not pending.
/// </summary>
internal static class GroupRowStatus
{
    public const string AllSkipped = "every step in it was skipped";
    public const string NotNeeded = "not needed: the run succeeded without it";

    public static List<RunStepRow> Complete(IReadOnlyList<RunStepRow> rows, RunState runState)
    {
        var result = new List<RunStepRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Status != StepStatus.Pending)
            {
                result.Add(row);
                continue;
            }

            var prefix = row.StepId + "/";
            var children = rows.Where(r => r.StepId.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var completed = children.Count > 0 ? FromChildren(row, children) : row;
            if (completed.Status == StepStatus.Pending && runState == RunState.Succeeded)
            {
                completed = completed with { Status = StepStatus.Skipped, Message = NotNeeded };
            }

            result.Add(completed);
        }

        return result;
    }

    private static RunStepRow FromChildren(RunStepRow group, List<RunStepRow> children)
    {
        var target = group.Target ?? children.Select(c => c.Target).FirstOrDefault(t => t is not null);
        var statuses = children.Select(c => c.Status).ToHashSet();
        var status = statuses switch
        {
            _ when statuses.Contains(StepStatus.Failed) => StepStatus.Failed,
            _ when statuses.Contains(StepStatus.Interrupted) => StepStatus.Interrupted,
            _ when statuses.Contains(StepStatus.Running) => StepStatus.Running,
            _ when statuses.Contains(StepStatus.WaitingForApproval) => StepStatus.WaitingForApproval,
            _ when statuses.All(s => s == StepStatus.Skipped) => StepStatus.Skipped,
            _ when statuses.All(s => s is StepStatus.Succeeded or StepStatus.Skipped) => StepStatus.Succeeded,
            _ => StepStatus.Pending,
        };
        var message = status == StepStatus.Skipped ? AllSkipped : group.Message;
        return group with { Target = target, Status = status, Message = message };
    }
}
