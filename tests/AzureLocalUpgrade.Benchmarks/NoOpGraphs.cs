using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// Generated step graphs of PowerShell steps whose scripts do nothing, shaped as the compiler shapes them
/// (a step needs its previous sibling; forEach instances are <c>group[node]</c> with steps <c>group[node]/step</c>).
/// </summary>
internal static class NoOpGraphs
{
    private const string Cluster = "hci16";

    /// <summary>One orchestrator step after another: the executor's per-step cost with nothing in parallel.</summary>
    public static StepGraph Chain(int steps)
    {
        var list = new List<GraphStep>(steps);
        for (var i = 0; i < steps; i++)
        {
            list.Add(Step($"step-{i:0000}", StepTarget.Orchestrator, null, i == 0 ? [] : [list[^1].Id]));
        }

        return Graph(NodeNames(1), list, []);
    }

    /// <summary>
    /// A disruptive rolling forEach over <paramref name="nodes"/> nodes with <paramref name="stepsPerNode"/> steps
    /// in each instance: adds the strategy, the health gate before every node and group bookkeeping.
    /// </summary>
    public static StepGraph RollingForEach(int nodes, int stepsPerNode)
    {
        const string groupId = "rolling-update";
        var nodeNames = NodeNames(nodes);
        var steps = new List<GraphStep>();
        var groups = new List<GraphGroup>();
        var instanceIds = new List<string>();
        foreach (var node in nodeNames)
        {
            var instanceId = $"{groupId}[{node}]";
            instanceIds.Add(instanceId);
            var stepIds = new List<string>();
            for (var i = 0; i < stepsPerNode; i++)
            {
                var step = Step($"{instanceId}/step-{i:000}", StepTarget.OnNode(node), instanceId, stepIds.Count == 0 ? [] : [stepIds[^1]])
                    with { SourcePath = $"{groupId}/step-{i:000}" };
                steps.Add(step);
                stepIds.Add(step.Id);
            }

            groups.Add(new GraphGroup(instanceId, groupId, instanceId, null, groupId, node, null, true, [], stepIds, [], TimeSpan.Zero, null, SourceSpan.None));
        }

        groups.Add(new GraphGroup(groupId, groupId, groupId, null, null, null, new Strategy(StrategyMode.Rolling, 1, 0), true,
            instanceIds, [.. steps.Select(s => s.Id)], [], TimeSpan.Zero, null, SourceSpan.None));
        return Graph(nodeNames, steps, groups);
    }

    public static IReadOnlyList<string> NodeNames(StepGraph graph) => [.. graph.Cluster.Nodes.Select(n => n.Name)];

    private static List<string> NodeNames(int count) => [.. Enumerable.Range(1, count).Select(i => $"{Cluster}-n{i}")];

    private static GraphStep Step(string id, StepTarget target, string? groupId, IReadOnlyList<string> needs) => new(
        Id: id,
        SourcePath: id,
        Kind: StepKind.PowerShell,
        DisplayName: id,
        Description: null,
        Target: target,
        Script: EmbeddedText.Synthetic("# no-op"),
        SkipIf: null,
        CheckSeverity: Severity.Error,
        Message: null,
        PollInterval: null,
        Instructions: null,
        Needs: needs,
        GroupId: groupId,
        Retry: null,
        Timeout: null,
        Estimate: TimeSpan.FromMinutes(1),
        HasExplicitEstimate: false,
        Idempotent: false,
        OnFailure: [],
        Tags: [],
        Inputs: new Dictionary<string, object?>(),
        SkippedReason: null,
        Span: SourceSpan.None);

    private static StepGraph Graph(IReadOnlyList<string> nodes, IReadOnlyList<GraphStep> steps, IReadOnlyList<GraphGroup> groups) => new(
        "executor-overhead",
        "1.0.0",
        "sconfig",
        null,
        new ClusterInventory(
            Cluster,
            [.. nodes.Select(n => new NodeInventory(n, "20349.3692", null, "Up", true, [], [], null, SourceSpan.None))],
            ConnectionSpec.SimulatedDefault,
            new ClusterFacts(false, false, true, "SystemAssigned", "present", new AksArcFacts(false, false), true, false, false, true, null, 11,
                new StorageFacts("S2D on " + Cluster, [])),
            "",
            SourceSpan.None),
        new Dictionary<string, object?>(StringComparer.Ordinal),
        steps,
        groups,
        new Dictionary<string, string>(StringComparer.Ordinal) { ["executor-overhead.yaml"] = new string('0', 64) });
}
