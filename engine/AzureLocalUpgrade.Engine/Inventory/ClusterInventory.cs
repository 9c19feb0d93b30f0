using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>
/// A cluster inventory file (schemas/cluster.v1.json): what the cluster is, how to reach it,
/// and the facts guards and the simulator start from. Nodes keep file order: rolling order is inventory order.
/// </summary>
public sealed record ClusterInventory(
    string Name,
    IReadOnlyList<NodeInventory> Nodes,
    ConnectionSpec Connection,
    ClusterFacts Facts,
    string FilePath,
    SourceSpan Span)
{
    public NodeInventory? FindNode(string name) =>
        Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
}
