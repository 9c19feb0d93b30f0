using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>One node instance of a forEach group (<c>rolling-update[node2]</c>).</summary>
internal sealed class InstanceState(GraphGroup group, ForEachState parent)
{
    public GraphGroup Group { get; } = group;

    public ForEachState Parent { get; } = parent;

    public string Node { get; } = group.Node ?? throw new InvalidOperationException($"Group instance {group.Id} has no node.");

    public List<StepState> Steps { get; } = [];

    public InstanceStatus Status { get; set; } = InstanceStatus.Pending;

    public bool HasFailed => Status is InstanceStatus.Failed or InstanceStatus.Excluded;
}
