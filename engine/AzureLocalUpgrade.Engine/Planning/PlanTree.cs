using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// Arranges plan steps into the group tree. Walking the steps in graph order and opening each step's ancestor
/// groups on first sight keeps the tree in execution order; groups holding no step are placed after their siblings.
/// </summary>
internal static class PlanTree
{
    public static IReadOnlyList<PlanItem> Build(StepGraph graph, IReadOnlyDictionary<string, PlanStep> steps, Func<GraphGroup, PlanGroup> groupOf)
    {
        var groups = graph.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        // Children of each group id ("" for the top level) in first-seen order. A group has one parent, so a group
        // already placed has its whole chain of ancestors placed too, and the walk up from a step stops there.
        var children = new Dictionary<string, List<Child>>(StringComparer.Ordinal) { [""] = [] };
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var placedSteps = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<GraphGroup>();

        void Attach(string? parent, Child child)
        {
            if (!children.TryGetValue(parent ?? "", out var list))
            {
                children[parent ?? ""] = list = [];
            }

            list.Add(child);
        }

        void Place(GraphGroup group)
        {
            if (placed.Add(group.Id))
            {
                Attach(group.ParentId, new Child(group.Id, IsStep: false));
            }
        }

        foreach (var step in graph.Steps)
        {
            pending.Clear();
            for (var id = step.GroupId; id is not null && !placed.Contains(id); id = groups[id].ParentId)
            {
                pending.Add(groups[id]);
            }

            // Outermost first, as the tree reads.
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                Place(pending[i]);
            }

            if (placedSteps.Add(step.Id))
            {
                Attach(step.GroupId, new Child(step.Id, IsStep: true));
            }
        }

        foreach (var group in graph.Groups)
        {
            Place(group);
        }

        return Items("");

        IReadOnlyList<PlanItem> Items(string parent) =>
            !children.TryGetValue(parent, out var list) ? []
            : [.. list.Select(child => child.IsStep
                ? (PlanItem)steps[child.Id]
                : groupOf(groups[child.Id]) with { Children = Items(child.Id) })];
    }

    private readonly record struct Child(string Id, bool IsStep);
}
