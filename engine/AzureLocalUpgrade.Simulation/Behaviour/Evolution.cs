using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// Time-based processes (boots, drains, repair jobs) are not timers: each is a due time in the state, and moving
/// the clock processes every due event in time order, so the outcome is the same however time is advanced.
/// </summary>
internal static class Evolution
{
    public static void AdvanceTo(SimulationState state, DateTimeOffset target) => Advance(state, target);

    /// <summary>Processes every event already due at the current virtual time; true when there was one.</summary>
    public static bool CatchUp(SimulationState state) => Advance(state, state.Now);

    private static bool Advance(SimulationState state, DateTimeOffset target)
    {
        var processed = false;
        while (NextEvent(state, target) is { } due)
        {
            processed = true;
            if (due > state.Now)
            {
                state.Now = due;
            }

            ProcessDue(state);
            state.RecordDownAtOnce();
        }

        if (target > state.Now)
        {
            state.Now = target;
        }

        return processed;
    }

    private static DateTimeOffset? NextEvent(SimulationState state, DateTimeOffset limit)
    {
        var times = state.Nodes.Select(n => n.BootCompletesAt)
            .Concat(state.Nodes.Select(n => n.DrainStatus == NodeDrainStatus.InProgress ? n.DrainCompletesAt : null))
            .Concat(state.Storage.Jobs.Where(j => !j.Stuck).Select(j => (DateTimeOffset?)(j.StartedAt + j.Duration)))
            .Where(t => t is not null && t <= limit)
            .Select(t => t!.Value)
            .ToList();
        return times.Count == 0 ? null : times.Min();
    }

    private static void ProcessDue(SimulationState state)
    {
        foreach (var node in state.Nodes.Where(n => n.BootCompletesAt <= state.Now).ToList())
        {
            NodeOperations.CompleteBoot(state, node);
        }

        foreach (var node in state.Nodes.Where(n => n.DrainStatus == NodeDrainStatus.InProgress && n.DrainCompletesAt <= state.Now))
        {
            node.DrainStatus = NodeDrainStatus.Completed;
            node.DrainCompletesAt = null;
        }

        state.Storage.Jobs.RemoveAll(j => j.IsCompleteAt(state.Now));
    }
}
