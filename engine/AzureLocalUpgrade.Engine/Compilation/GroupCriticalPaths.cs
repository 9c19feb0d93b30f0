using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// Critical-path lengths of every group of one graph, as <see cref="CriticalPath.Of"/> would give over each group's
/// steps. The builder appends a group's steps together, so each group is a contiguous run of the graph's steps and a
/// need lies inside the group exactly when its index does. Needs are resolved to indices once for the whole graph; a
/// group then costs one pass over its own steps with no dictionary of its own (a per-group
/// <see cref="CriticalPath.Of"/> built two, graph-sized for a forEach parent: large-object-heap allocations that
/// forced a full garbage collection on every 64-node compile).
/// </summary>
internal sealed class GroupCriticalPaths
{
    private readonly IReadOnlyList<GraphStep> _steps;
    private readonly int[] _needStarts;
    // Paged: a 64-node graph has tens of thousands of needs, too many ints for one small-object-heap array.
    private readonly PagedIntArray _needIndices;
    private readonly long[] _finishTicks;

    /// <param name="steps">The graph's steps in topological order.</param>
    public GroupCriticalPaths(IReadOnlyList<GraphStep> steps)
    {
        _steps = steps;
        var indexOf = new StepPositions(steps.Count);
        var needCount = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            indexOf.TryAdd(steps[i].Id, i);
            needCount += steps[i].Needs.Count;
        }

        // Needs of step i are _needIndices[_needStarts[i] .. _needStarts[i + 1]]; -1 marks a need outside the graph.
        _needStarts = new int[steps.Count + 1];
        _needIndices = new PagedIntArray(needCount);
        var next = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            _needStarts[i] = next;
            var needs = steps[i].Needs;
            for (var n = 0; n < needs.Count; n++)
            {
                _needIndices[next++] = indexOf.TryGetValue(needs[n], out var index) ? index : -1;
            }
        }

        _needStarts[steps.Count] = next;
        _finishTicks = new long[steps.Count];
    }

    /// <summary>The longest chain by estimate among steps [first, end); needs on steps outside that run are ignored.</summary>
    public TimeSpan Of(int first, int end)
    {
        var longest = 0L;
        for (var i = first; i < end; i++)
        {
            var start = 0L;
            for (var n = _needStarts[i]; n < _needStarts[i + 1]; n++)
            {
                // Only steps already passed count, as in CriticalPath.Of (a topological order puts needs first).
                var need = _needIndices[n];
                if (need >= first && need < i && _finishTicks[need] > start)
                {
                    start = _finishTicks[need];
                }
            }

            _finishTicks[i] = start + _steps[i].Estimate.Ticks;
            longest = Math.Max(longest, _finishTicks[i]);
        }

        return TimeSpan.FromTicks(longest);
    }
}
