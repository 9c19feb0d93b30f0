using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>An active fault with the node it names resolved, and which nodes it has already hit.</summary>
internal sealed class FaultState
{
    public FaultKind Kind { get; set; }

    /// <summary>The node the fault applies to; null = every node (where the kind allows it).</summary>
    public string? Node { get; set; }

    public string? Title { get; set; }

    public int? VmsPerNode { get; set; }

    /// <summary>One-shot faults: the nodes it has already taken effect on (or "*" for cluster-wide ones).</summary>
    public List<string> ConsumedOn { get; set; } = [];

    public bool AppliesTo(string node) =>
        Node is null || string.Equals(Node, node, StringComparison.OrdinalIgnoreCase);

    public bool IsConsumedOn(string key) => ConsumedOn.Contains(key, StringComparer.OrdinalIgnoreCase);
}
