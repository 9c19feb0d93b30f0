using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>The longest chain of dependent steps by estimate: the shortest time the whole set can take.</summary>
public sealed record CriticalPath(TimeSpan Length, IReadOnlyList<string> StepIds)
{
    /// <summary>
    /// Computes the path over <paramref name="steps"/>, which must be in topological order (as
    /// <see cref="StepGraph.Steps"/> is). Needs pointing outside the set are ignored; ties keep the earlier step.
    /// </summary>
    public static CriticalPath Of(IReadOnlyList<GraphStep> steps)
    {
        var finish = new Dictionary<string, TimeSpan>(steps.Count, StringComparer.Ordinal);
        var previous = new Dictionary<string, string?>(steps.Count, StringComparer.Ordinal);
        string? last = null;
        foreach (var step in steps)
        {
            var start = TimeSpan.Zero;
            string? before = null;
            foreach (var need in step.Needs)
            {
                if (finish.TryGetValue(need, out var end) && (before is null || end > start))
                {
                    start = end;
                    before = need;
                }
            }

            finish[step.Id] = start + step.Estimate;
            previous[step.Id] = before;
            if (last is null || finish[step.Id] > finish[last])
            {
                last = step.Id;
            }
        }

        if (last is null)
        {
            return new CriticalPath(TimeSpan.Zero, []);
        }

        var path = new List<string>();
        for (var id = last; id is not null; id = previous[id])
        {
            path.Add(id);
        }

        path.Reverse();
        return new CriticalPath(finish[last], path);
    }
}
