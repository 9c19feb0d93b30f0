namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// Finds dependency cycles by depth-first search. Each cycle is reported once, as the path from the first
/// node (in input order) that reaches it back to itself: a → b → a.
/// </summary>
public static class CycleFinder
{
    public static IReadOnlyList<IReadOnlyList<string>> FindCycles(IReadOnlyList<string> nodes, Func<string, IEnumerable<string>> edges)
    {
        var cycles = new List<IReadOnlyList<string>>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in nodes)
        {
            Visit(start);
        }

        return cycles;

        void Visit(string node)
        {
            if (done.Contains(node))
            {
                return;
            }

            var onPath = path.IndexOf(node);
            if (onPath >= 0)
            {
                var cycle = path.Skip(onPath).Append(node).ToList();
                // The same cycle can be entered at different points; the sorted member set identifies it.
                if (reported.Add(string.Join('\n', cycle.Skip(1).Order(StringComparer.Ordinal))))
                {
                    cycles.Add(cycle);
                }

                return;
            }

            path.Add(node);
            foreach (var next in edges(node))
            {
                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(node);
        }
    }
}
