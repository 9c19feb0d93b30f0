using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>
/// The plan's graph with one box per group instead of one per step: a top-level step or group is a box, and a
/// forEach group is one box whatever its node count, its fan-out written as "× 16 nodes". Edges are the needs between
/// steps of different boxes, once each. At 16 nodes that is a few dozen boxes where the full graph has a thousand,
/// so it renders in seconds and reads on a screen; <c>--detail</c> keeps the full graph.
/// </summary>
internal sealed record CollapsedGraph(IReadOnlyList<CollapsedGraph.Box> Boxes, IReadOnlyList<(int From, int To)> Edges)
{
    public sealed record Box(string Id, string Label, bool HasGate, bool AllSkipped);

    public static CollapsedGraph Of(Plan plan)
    {
        var units = new List<PlanItem>();
        var assigned = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in plan.Items)
        {
            Assign(item, -1, units, assigned);
        }

        // A group whose steps all sit in its forEach child would be an empty box: only units that hold steps count.
        var stepsOf = plan.Steps.Where(s => assigned.ContainsKey(s.Id)).ToLookup(s => assigned[s.Id]);
        var boxes = new List<Box>();
        var renumbered = new Dictionary<int, int>();
        for (var unit = 0; unit < units.Count; unit++)
        {
            if (stepsOf[unit].Any())
            {
                renumbered[unit] = boxes.Count;
                boxes.Add(BoxFor(units[unit], [.. stepsOf[unit]]));
            }
        }

        var unitOf = assigned.ToDictionary(p => p.Key, p => renumbered[p.Value], StringComparer.Ordinal);

        var edges = new SortedSet<(int, int)>();
        foreach (var step in plan.Steps)
        {
            foreach (var need in step.Needs)
            {
                if (unitOf.TryGetValue(need, out var from) && unitOf.TryGetValue(step.Id, out var to) && from != to)
                {
                    edges.Add((from, to));
                }
            }
        }

        return new CollapsedGraph(boxes, [.. edges]);
    }

    private static void Assign(PlanItem item, int unit, List<PlanItem> units, Dictionary<string, int> unitOf)
    {
        if (unit < 0 || item is PlanGroup { Strategy: not null })
        {
            unit = units.Count;
            units.Add(item);
        }

        if (item is PlanStep step)
        {
            unitOf[step.Id] = unit;
            return;
        }

        foreach (var child in ((PlanGroup)item).Children)
        {
            Assign(child, unit, units, unitOf);
        }
    }

    private static Box BoxFor(PlanItem item, List<PlanStep> steps)
    {
        var gate = steps.Any(s => s.Certainty == Certainty.ManualGate);
        var skipped = steps.Count > 0 && steps.All(s => s.Certainty == Certainty.Skipped);
        if (item is PlanStep step)
        {
            return new Box(step.Id, GraphLabels.StepLabel(step), gate, skipped);
        }

        var group = (PlanGroup)item;
        var name = group.DisplayName == group.Id ? group.Id : $"{group.Id}: {group.DisplayName}";
        var fanOut = group.Strategy is { } strategy ? $"× {group.Children.Count} nodes, {CertaintyText.Strategy(strategy)}; " : "";
        return new Box(group.Id, $"{name} ({fanOut}{steps.Count} steps, ~{DurationParser.Format(group.Estimate)})", gate, skipped);
    }
}
