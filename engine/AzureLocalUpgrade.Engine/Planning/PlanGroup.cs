using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>A group in the plan tree; a forEach parent holds its per-node instances as children.</summary>
/// <param name="Strategy">Set on a <c>forEach: node</c> parent only.</param>
/// <param name="Estimate">Critical path through the group's steps.</param>
public sealed record PlanGroup(
    string Id,
    string DisplayName,
    string? Node,
    Strategy? Strategy,
    bool Disruptive,
    string? SkippedReason,
    TimeSpan Estimate,
    IReadOnlyList<PlanItem> Children,
    IReadOnlyList<PlanStep> OnFailure) : PlanItem(Id, DisplayName);
