using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>Builds the <see cref="Plan"/> of a compiled graph: the tree, bound values, certainty, estimates and counts.</summary>
public static class PlanBuilder
{
    public static Plan Build(StepGraph graph, PlanOrigin origin)
    {
        var critical = CriticalPath.Of(graph.Steps);
        var onPath = new HashSet<string>(critical.StepIds, StringComparer.Ordinal);
        var bindings = new ScriptBindings(graph);
        var reasons = new CertaintyReasons();
        var steps = new List<PlanStep>(graph.Steps.Count);
        for (var i = 0; i < graph.Steps.Count; i++)
        {
            steps.Add(StepOf(graph.Steps[i], bindings, reasons, onPath.Contains(graph.Steps[i].Id)));
        }

        return new Plan(
            Plan.CurrentFormatVersion,
            new PlanRunbook(graph.RunbookName, graph.RunbookVersion, graph.Method, graph.Upgrade?.From, graph.Upgrade?.To, origin.RunbookPath),
            new PlanCluster(graph.Cluster.Name, graph.Cluster.Connection.Simulated, origin.InventoryPath,
                [.. graph.Cluster.Nodes.Select(NodeOf)]),
            [.. graph.Parameters.Select(p => new PlanParameter(p.Key, PlanValueText.Typed(p.Value), p.Value is SecretValue))],
            graph.SourceHashes,
            InventoryFingerprint.Of(graph.Cluster).Facts,
            PlanTree.Build(graph, steps, (g, children) => GroupOf(g, children, bindings, reasons)),
            steps,
            new PlanEstimates(critical.Length, critical.StepIds,
                TimeSpan.FromTicks(graph.Steps.Sum(s => s.Estimate.Ticks)),
                graph.Steps.Count(s => !s.HasExplicitEstimate && s.SkippedReason is null)),
            new PlanCounts(
                steps.Count,
                steps.Count(s => s.Certainty == Certainty.Known),
                steps.Count(s => s.Certainty == Certainty.RuntimeDecided),
                steps.Count(s => s.Certainty == Certainty.ManualGate),
                steps.Count(s => s.Certainty == Certainty.Skipped),
                graph.Steps.Sum(s => s.OnFailure.Count) + graph.Groups.Sum(g => g.OnFailure.Count)));
    }

    private static PlanNode NodeOf(NodeInventory node) =>
        new(node.Name, node.Build, OsBuild.TryParse(node.Build, out var build) ? build.Release : "unknown", node.Site);

    private static PlanGroup GroupOf(GraphGroup group, IReadOnlyList<PlanItem> children, ScriptBindings bindings, CertaintyReasons reasons) =>
        new(group.Id, group.DisplayName, group.Node, group.Strategy, group.Disruptive, group.SkippedReason, group.Estimate, children,
            RecoveryOf(group.OnFailure, bindings, reasons));

    private static PlanStep StepOf(GraphStep step, ScriptBindings bindings, CertaintyReasons reasons, bool onCriticalPath) => new(
        step.Id,
        step.SourcePath,
        LowerCaseName.Of(step.Kind),
        step.DisplayName,
        step.Description,
        step.Target,
        step.Script?.Value,
        step.SkipIf?.Value,
        bindings.For(step),
        step.Message,
        step.Instructions,
        step.Kind == StepKind.Check ? LowerCaseName.Of(step.CheckSeverity) : null,
        step.Retry,
        step.Timeout,
        step.PollInterval,
        step.Estimate,
        !step.HasExplicitEstimate && step.SkippedReason is null,
        step.Certainty,
        reasons.For(step),
        step.SkippedReason,
        step.Needs,
        step.Tags,
        step.Idempotent,
        onCriticalPath,
        RecoveryOf(step.OnFailure, bindings, reasons),
        step.Rehearsal?.Value,
        step.Baseline?.Value);

    // Most steps have no recovery steps: they share the empty list instead of each running a LINQ chain.
    private static IReadOnlyList<PlanStep> RecoveryOf(IReadOnlyList<GraphStep> onFailure, ScriptBindings bindings, CertaintyReasons reasons)
    {
        if (onFailure.Count == 0)
        {
            return [];
        }

        var steps = new PlanStep[onFailure.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = StepOf(onFailure[i], bindings, reasons, false);
        }

        return steps;
    }
}
