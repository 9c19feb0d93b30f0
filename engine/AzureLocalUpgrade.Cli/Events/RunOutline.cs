using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// What the live display knows before any event: the nodes (for the grid), how many steps the run has, and each
/// step's estimate and node (for "done of total", per-node progress and the ETA). Empty when the graph is unknown.
/// </summary>
public sealed partial record RunOutline(IReadOnlyList<string> Nodes, IReadOnlyDictionary<string, TimeSpan> Estimates, IReadOnlyDictionary<string, string> NodeOfStep)
{
    public static readonly RunOutline Empty = new([], new Dictionary<string, TimeSpan>(), new Dictionary<string, string>());

    public int TotalSteps => Estimates.Count;

    public static RunOutline Of(StepGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var nodes = graph.Cluster.Nodes.Select(n => n.Name).ToList();
        var estimates = graph.Steps.ToDictionary(s => s.Id, s => s.Estimate, StringComparer.Ordinal);
        var nodeOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in graph.Steps)
        {
            if (NodeOf(step.Id, step.Target.Node) is { } node)
            {
                nodeOf[step.Id] = node;
            }
        }

        return new RunOutline(nodes, estimates, nodeOf);
    }

    /// <summary>A step's node: the one its id is expanded for (<c>group[node]/step</c>), else the node it runs on.</summary>
    public static string? NodeOf(string stepId, string? targetNode)
    {
        var match = InstanceNode().Match(stepId ?? "");
        return match.Success ? match.Groups[1].Value : targetNode;
    }

    [GeneratedRegex(@"\[([^\]]+)\]")]
    private static partial Regex InstanceNode();
}
