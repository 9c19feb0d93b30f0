using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Graph;

/// <summary>
/// A group in the compiled graph. A <c>forEach: node</c> group appears once as the parent (with
/// <see cref="InstanceIds"/> in inventory order and the <see cref="Strategy"/>) and once per node as an instance
/// (<c>rolling-update[node2]</c>, with <see cref="Node"/> set and <see cref="ForEachParentId"/> pointing back).
/// </summary>
/// <param name="StepIds">Every executable step inside the group, nested groups included, in graph order.</param>
/// <param name="Disruptive">Takes its node out of service; maintenance windows gate its start.</param>
public sealed record GraphGroup(
    string Id,
    string SourcePath,
    string DisplayName,
    string? ParentId,
    string? ForEachParentId,
    string? Node,
    Strategy? Strategy,
    bool Disruptive,
    IReadOnlyList<string> InstanceIds,
    IReadOnlyList<string> StepIds,
    IReadOnlyList<GraphStep> OnFailure,
    TimeSpan Estimate,
    string? SkippedReason,
    SourceSpan Span)
{
    public bool IsForEachParent => Strategy is not null && InstanceIds.Count > 0;
}
