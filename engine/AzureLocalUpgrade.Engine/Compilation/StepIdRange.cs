using System.Collections;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// The ids of a contiguous run of a builder's steps, read from the steps rather than copied: a group's
/// <see cref="GraphGroup.StepIds"/>. The builder appends a group's steps together and never changes a step once
/// appended, so the run is fixed when the group is made. Copying made every step's id appear once per enclosing
/// group (a 64-node graph's forEach parent alone listed all ~4,000).
/// </summary>
internal sealed class StepIdRange(IReadOnlyList<GraphStep> steps, int first, int end) : IReadOnlyList<string>
{
    public int Count => end - first;

    public string this[int index] =>
        (uint)index < (uint)Count ? steps[first + index].Id : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = first; i < end; i++)
        {
            yield return steps[i].Id;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
