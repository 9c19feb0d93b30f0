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
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [""] = [] };
        void Attach(string? parent, string child)
        {
            var list = children.TryGetValue(parent ?? "", out var existing) ? existing : children[parent ?? ""] = [];
            if (!list.Contains(child))
            {
                list.Add(child);
            }
        }

        foreach (var step in graph.Steps)
        {
            var chain = graph.AncestorsOf(step).Reverse().ToList();
            for (var i = 0; i < chain.Count; i++)
            {
                Attach(i == 0 ? null : chain[i - 1].Id, "g:" + chain[i].Id);
            }

            Attach(step.GroupId, "s:" + step.Id);
        }

        foreach (var group in graph.Groups)
        {
            Attach(group.ParentId, "g:" + group.Id);
        }

        var groups = graph.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        return Items("");

        IReadOnlyList<PlanItem> Items(string parent) =>
            !children.TryGetValue(parent, out var list) ? []
            : [.. list.Select(key => key.StartsWith("s:", StringComparison.Ordinal)
                ? (PlanItem)steps[key[2..]]
                : groupOf(groups[key[2..]]) with { Children = Items(key[2..]) })];
    }
}
