namespace AzureLocalUpgrade.Engine.Execution.Health;

/// <summary>The cluster as one round of health queries saw it.</summary>
/// <param name="Error">Set when no node could answer: health is unknown.</param>
public sealed record ClusterHealthSnapshot(
    IReadOnlyDictionary<string, string> NodeStates,
    IReadOnlyList<string> RunningStorageJobs,
    IReadOnlyList<string> UnhealthyVirtualDisks,
    string? Error)
{
    /// <summary>Why another node must not be taken down now; empty when it may.</summary>
    public IReadOnlyList<string> BlockersIgnoring(IEnumerable<string> allNodes, IReadOnlySet<string> exemptNodes)
    {
        ArgumentNullException.ThrowIfNull(allNodes);
        ArgumentNullException.ThrowIfNull(exemptNodes);
        if (Error is not null)
        {
            return [$"cluster health unknown: {Error}"];
        }

        var blockers = new List<string>();
        foreach (var node in allNodes.Where(n => !exemptNodes.Contains(n)))
        {
            var state = NodeStates.TryGetValue(node, out var s) ? s : null;
            if (state is null)
            {
                blockers.Add($"node {node} is not reported by Get-ClusterNode");
            }
            else if (!string.Equals(state, "Up", StringComparison.OrdinalIgnoreCase))
            {
                blockers.Add($"node {node} is {state}");
            }
        }

        blockers.AddRange(RunningStorageJobs.Select(j => $"storage job {j}"));
        blockers.AddRange(UnhealthyVirtualDisks.Select(d => $"virtual disk {d}"));
        return blockers;
    }
}
