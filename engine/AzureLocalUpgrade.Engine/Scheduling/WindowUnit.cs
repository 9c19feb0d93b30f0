using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>What a maintenance window admits as a whole: a node group, a disruptive group, or one disruptive step.</summary>
public enum WindowUnitKind
{
    /// <summary>One node's instance of a <c>forEach</c> group marked disruptive (drain … resume).</summary>
    NodeGroup,

    /// <summary>A disruptive group that is not per node (the offline update with the cluster stopped).</summary>
    Group,

    /// <summary>One step outside any disruptive group that takes something down (a CAU run, a restart).</summary>
    Step,
}

/// <param name="Id">The group instance, group or step id, as the journal's window-check records name it.</param>
/// <param name="StepIds">The unit's executable steps; the unit is admitted once, when the first of them is about to start.</param>
/// <param name="PerNode">
/// Set for a step that starts a CAU run and gives <c>estimatePerNode</c>: the run is bounded to the opening's end
/// (-StopAfter) and a later opening updates the nodes left, so it needs only its fixed part and one node's share to
/// start (<see cref="Admission"/>), not its whole estimate.
/// </param>
public sealed record WindowUnit(string Id, WindowUnitKind Kind, string? Node, TimeSpan Estimate, IReadOnlyList<string> StepIds, PerNodeEstimate? PerNode = null)
{
    /// <summary>What must be left of an opening for the unit to start: its estimate, or for a CAU run one node's share.</summary>
    public TimeSpan Admission => PerNode is { Nodes: > 1 } p ? Estimate - p.Each * (p.Nodes - 1) : Estimate;
}
