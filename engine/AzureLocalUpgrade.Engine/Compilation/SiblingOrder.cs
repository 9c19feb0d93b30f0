using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// The ordering rule for one list of sibling steps: no <c>needs</c> → after the previous sibling; <c>needs: [...]</c>
/// → after exactly those; <c>needs: []</c> → after none. Returns the siblings in a stable topological order
/// (declaration order among the ready ones) with the indices each one waits for.
/// </summary>
internal static class SiblingOrder
{
    public static IReadOnlyList<(int Index, IReadOnlyList<int> Predecessors)> Resolve(IReadOnlyList<StepDefinition> steps, DiagnosticBag diagnostics)
    {
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            indexById.TryAdd(steps[i].Id, i);
        }

        var predecessors = new List<int>[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            predecessors[i] = PredecessorsOf(steps, i, indexById, diagnostics);
        }

        return TopologicalOrder(steps, predecessors, diagnostics);
    }

    private static List<int> PredecessorsOf(IReadOnlyList<StepDefinition> steps, int i, Dictionary<string, int> indexById, DiagnosticBag diagnostics)
    {
        var step = steps[i];
        if (!step.NeedsWritten && step.Needs.Count == 0)
        {
            return i == 0 ? [] : [i - 1];
        }

        var result = new List<int>();
        foreach (var need in step.Needs)
        {
            if (indexById.TryGetValue(need, out var index))
            {
                if (!result.Contains(index))
                {
                    result.Add(index);
                }
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.UnknownNeeds(step.Span, step.Id, need, indexById.Keys));
            }
        }

        return result;
    }

    private static List<(int, IReadOnlyList<int>)> TopologicalOrder(IReadOnlyList<StepDefinition> steps, List<int>[] predecessors, DiagnosticBag diagnostics)
    {
        var remaining = predecessors.Select(p => p.Count).ToArray();
        var dependents = Enumerable.Range(0, steps.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < steps.Count; i++)
        {
            predecessors[i].ForEach(p => dependents[p].Add(i));
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, steps.Count).Where(i => remaining[i] == 0));
        var order = new List<(int, IReadOnlyList<int>)>(steps.Count);
        var placed = new bool[steps.Count];
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add((next, predecessors[next]));
            placed[next] = true;
            foreach (var dependent in dependents[next].Where(d => --remaining[d] == 0))
            {
                ready.Add(dependent);
            }
        }

        if (order.Count < steps.Count)
        {
            var first = Array.IndexOf(placed, false);
            diagnostics.Add(DiagnosticCatalog.DependencyCycle(steps[first].Span, CycleFrom(first, predecessors, placed).Select(i => steps[i].Id)));
            // Keep going with the cyclic steps in declaration order so later diagnostics are still found.
            order.AddRange(Enumerable.Range(0, steps.Count).Where(i => !placed[i])
                .Select(i => (i, (IReadOnlyList<int>)[.. predecessors[i].Where(p => placed[p])])));
        }

        return order;
    }

    private static List<int> CycleFrom(int start, List<int>[] predecessors, bool[] placed)
    {
        // Walk unplaced predecessors until a step repeats; the part from its first visit is the cycle.
        var path = new List<int>();
        var current = start;
        while (!path.Contains(current))
        {
            path.Add(current);
            current = predecessors[current].First(p => !placed[p]);
        }

        var cycle = path.Skip(path.IndexOf(current)).ToList();
        cycle.Reverse();
        cycle.Add(cycle[0]);
        return cycle;
    }
}
