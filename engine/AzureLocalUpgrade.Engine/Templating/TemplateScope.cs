using AzureLocalUpgrade.Engine.Inventory;

namespace AzureLocalUpgrade.Engine.Templating;

/// <summary>
/// What a template can see: <c>params</c>, <c>inputs</c>, <c>cluster</c> and, inside <c>forEach: node</c>, <c>node</c>.
/// Values are typed (string, long, bool, TimeSpan); secrets are <see cref="Graph.SecretValue"/> and render as ***.
/// </summary>
/// <param name="NodeIndex">0-based position of <paramref name="Node"/> in the inventory (rolling order).</param>
public sealed record TemplateScope(
    IReadOnlyDictionary<string, object?> Params,
    IReadOnlyDictionary<string, object?> Inputs,
    ClusterInventory Cluster,
    NodeInventory? Node,
    int NodeIndex)
{
    public TemplateScope WithNode(NodeInventory node, int index) => this with { Node = node, NodeIndex = index };

    public TemplateScope WithInputs(IReadOnlyDictionary<string, object?> inputs) => this with { Inputs = inputs };
}
