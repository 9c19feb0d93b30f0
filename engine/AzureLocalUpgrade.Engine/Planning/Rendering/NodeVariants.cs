using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>
/// Groups the per-node instances of a forEach group by what they do once the node's own name is set aside: the
/// instances that render alike (the usual case: 16 nodes, one shape) become one variant listing its nodes, and only
/// real per-node differences (a node already upgraded, another NIC driver) become variants of their own.
/// </summary>
internal static class NodeVariants
{
    public const string Placeholder = "{node}";

    public sealed record Variant(string Text, IReadOnlyList<string> Nodes);

    /// <param name="render">Renders one instance; its text is compared with the node's name replaced.</param>
    public static IReadOnlyList<Variant> Of(IEnumerable<PlanGroup> instances, Func<PlanGroup, string> render)
    {
        var variants = new List<(string Text, List<string> Nodes)>();
        foreach (var instance in instances)
        {
            var node = instance.Node ?? "";
            var text = Normalize(render(instance), node);
            var match = variants.FindIndex(v => v.Text == text);
            if (match < 0)
            {
                variants.Add((text, [node]));
            }
            else
            {
                variants[match].Nodes.Add(node);
            }
        }

        return [.. variants.Select(v => new Variant(v.Text, v.Nodes))];
    }

    /// <summary>The node's name replaced wherever it stands alone (so hci-n1 never matches inside hci-n10).</summary>
    public static string Normalize(string text, string node) =>
        node.Length == 0
            ? text
            : Regex.Replace(text, $@"(?<![A-Za-z0-9-]){Regex.Escape(node)}(?![A-Za-z0-9-])", Placeholder, RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The node whose forEach instance a step id belongs to (<c>group/node[n1]/step</c>), or null for a cluster-wide step.</summary>
    public static string? NodeOfInstance(string stepId, IEnumerable<string> nodes) =>
        nodes.FirstOrDefault(n => stepId.Contains($"[{n}]", StringComparison.Ordinal));

    /// <summary>"n1, n2, n3" up to a handful of names, then "n1 … n16 (16 nodes)".</summary>
    public static string List(IReadOnlyList<string> nodes) =>
        nodes.Count <= 6 ? string.Join(", ", nodes) : $"{string.Join(", ", nodes.Take(3))} … {nodes[^1]} ({nodes.Count} nodes)";
}
