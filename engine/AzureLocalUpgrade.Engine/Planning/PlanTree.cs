using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// Arranges plan steps into the group tree. Walking the steps in graph order and opening each step's ancestor
/// groups on first sight keeps the tree in execution order; groups holding no step are placed after their siblings.
/// </summary>
internal static class PlanTree
{
    /// <param name="steps">The plan step of each graph step, at the same position as in <see cref="StepGraph.Steps"/>.</param>
    /// <param name="groupOf">The plan group of a graph group with the given children (made once, not copied to add them).</param>
    public static IReadOnlyList<PlanItem> Build(StepGraph graph, IReadOnlyList<PlanStep> steps, Func<GraphGroup, IReadOnlyList<PlanItem>, PlanGroup> groupOf)
    {
        var groups = new Dictionary<string, GraphGroup>(graph.Groups.Count, StringComparer.Ordinal);
        foreach (var group in graph.Groups)
        {
            groups.Add(group.Id, group);
        }

        // Children of each group id ("" for the top level) in first-seen order. A group has one parent, so a group
        // already placed has its whole chain of ancestors placed too, and the walk up from a step stops there.
        var children = new Dictionary<string, List<Child>>(graph.Groups.Count + 1, StringComparer.Ordinal) { [""] = [] };
        // Sized up front: every group is placed, and growing a set of a 64-node graph's ~1,700 groups made ~10 arrays.
        var placed = new HashSet<string>(graph.Groups.Count, StringComparer.Ordinal);
        var placedSteps = new HashSet<string>(graph.Steps.Count, StringComparer.Ordinal);
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
                Attach(group.ParentId, Child.Group(group.Id));
            }
        }

        for (var index = 0; index < graph.Steps.Count; index++)
        {
            var step = graph.Steps[index];
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
                Attach(step.GroupId, Child.Step(index));
            }
        }

        foreach (var group in graph.Groups)
        {
            Place(group);
        }

        return Items("");

        IReadOnlyList<PlanItem> Items(string parent)
        {
            if (!children.TryGetValue(parent, out var list))
            {
                return [];
            }

            var items = new PlanItem[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                items[i] = list[i].GroupId is { } groupId
                    ? groupOf(groups[groupId], Items(groupId))
                    : steps[list[i].StepIndex];
            }

            return items;
        }
    }

    /// <summary>A group by id, or a step by its position in the graph (no id lookup: steps outnumber groups).</summary>
    private readonly record struct Child(string? GroupId, int StepIndex)
    {
        public static Child Group(string id) => new(id, -1);

        public static Child Step(int index) => new(null, index);
    }
}
