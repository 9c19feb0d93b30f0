using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Scheduling;

/// <summary>
/// Every piece of a graph a maintenance window binds, in graph order: the node instances of disruptive forEach
/// groups, other disruptive groups (outermost), and disruptive steps outside both (<see cref="DisruptiveWork"/>).
/// The executor and <c>alu plan --window</c> share this one list, so the plan forecasts what the run decides.
/// </summary>
public static class WindowUnits
{
    public static IReadOnlyList<WindowUnit> Of(StepGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var units = new List<WindowUnit>();
        var byId = new Dictionary<string, WindowUnit>(StringComparer.Ordinal);
        foreach (var step in graph.Steps.Where(s => s.SkippedReason is null))
        {
            var unit = UnitOf(graph, step);
            if (unit is not null && byId.TryAdd(unit.Id, unit))
            {
                units.Add(unit);
            }
        }

        return units;
    }

    /// <summary>The unit a step belongs to, or null when the window does not bind it.</summary>
    public static WindowUnit? UnitOf(StepGraph graph, GraphStep step)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(step);
        var ancestors = graph.AncestorsOf(step).ToList();
        var instance = ancestors.FirstOrDefault(g => g.ForEachParentId is { } parent && (g.Disruptive || graph.Group(parent).Disruptive));
        if (instance is not null)
        {
            return Unit(graph, instance, WindowUnitKind.NodeGroup);
        }

        var group = ancestors.LastOrDefault(g => g.Disruptive && g.ForEachParentId is null && !g.IsForEachParent);
        if (group is not null)
        {
            return Unit(graph, group, WindowUnitKind.Group);
        }

        return DisruptiveWork.IsDisruptive(step) ? new WindowUnit(step.Id, WindowUnitKind.Step, step.Target.Node, step.Estimate, [step.Id], CauRunShare(step)) : null;
    }

    /// <summary>A CAU run spans openings node by node only when the runbook says how long each node takes.</summary>
    private static PerNodeEstimate? CauRunShare(GraphStep step) =>
        step.PerNode is { } share && step.Script is { } script && DisruptiveWork.StartsCauRun(script.Value) ? share : null;

    private static WindowUnit Unit(StepGraph graph, GraphGroup group, WindowUnitKind kind)
    {
        var steps = group.StepIds.Where(id => graph.TryGetStep(id, out var s) && s!.SkippedReason is null).ToList();
        return new WindowUnit(group.Id, kind, group.Node, group.Estimate, steps);
    }
}
