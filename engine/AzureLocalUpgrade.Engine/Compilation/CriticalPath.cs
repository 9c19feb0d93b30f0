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
        // Finish times and chain links by position, not by id: a 64-node graph has thousands of steps, and two
        // id-keyed dictionaries of that size were large-object-heap allocations on every plan.
        var indexOf = new StepPositions(steps.Count);
        var finish = new TimeSpan[steps.Count];
        var previous = new int[steps.Count];
        var last = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            var start = TimeSpan.Zero;
            var before = -1;
            // Indexed, not foreach: enumerating an IReadOnlyList boxes its enumerator, once per step.
            var needs = steps[i].Needs;
            for (var k = 0; k < needs.Count; k++)
            {
                // Only steps already passed count (the order is topological); the first found sets the start.
                if (indexOf.TryGetValue(needs[k], out var n) && (before < 0 || finish[n] > start))
                {
                    start = finish[n];
                    before = n;
                }
            }

            finish[i] = start + steps[i].Estimate;
            previous[i] = before;
            indexOf.Set(steps[i].Id, i);
            if (last < 0 || finish[i] > finish[last])
            {
                last = i;
            }
        }

        if (last < 0)
        {
            return new CriticalPath(TimeSpan.Zero, []);
        }

        var path = new List<string>();
        for (var i = last; i >= 0; i = previous[i])
        {
            path.Add(steps[i].Id);
        }

        path.Reverse();
        return new CriticalPath(finish[last], path);
    }
}
