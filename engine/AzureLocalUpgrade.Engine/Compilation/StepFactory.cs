using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Templating;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>Turns one step definition into a graph step or group record: renders its text, resolves its target and estimate.</summary>
internal sealed class StepFactory(ITemplateEngine templates, ClusterInventory cluster, DiagnosticBag diagnostics)
{
    private readonly Dictionary<(TargetKind, string?), StepTarget> _targets = [];

    public GraphStep Leaf(StepDefinition step, CompilationScope scope, string id, string sourcePath, IReadOnlyList<string> needs, string? skip, IReadOnlyList<GraphStep> onFailure)
    {
        var script = step.WorkScript;
        return new GraphStep(
            id,
            sourcePath,
            step.Kind,
            RenderOr(step.Name, scope, step.Id),
            Render(step.Description, scope),
            script is null ? ManualGateTarget(scope) : TargetOf(script, scope),
            script?.Script,
            step.SkipIf,
            step.Check?.Severity ?? Severity.Error,
            Render(step.Check?.Message ?? step.Wait?.Message, scope),
            step.Wait?.Interval,
            Render(step.Manual?.Instructions, scope),
            needs,
            scope.GroupId,
            step.Retry,
            step.Timeout ?? step.Wait?.Timeout,
            skip is null ? EstimateOf(step) : TimeSpan.Zero,
            step.Estimate is not null || step.EstimatePerNode is not null,
            step.Idempotent,
            onFailure,
            step.Tags,
            scope.Template.Inputs,
            skip,
            step.Span,
            RehearsalFor(step),
            step.Baseline,
            skip is null ? PerNodeOf(step) : null);
    }

    /// <summary>
    /// The written estimate (or the per-kind default), plus estimatePerNode once for every node of the cluster. With
    /// estimatePerNode alone the fixed part is zero: the per-node share is the whole of it.
    /// </summary>
    private TimeSpan EstimateOf(StepDefinition step) =>
        (step.Estimate ?? (step.EstimatePerNode is null ? DefaultEstimates.For(step) : TimeSpan.Zero)) + (PerNodeOf(step)?.Total ?? TimeSpan.Zero);

    private PerNodeEstimate? PerNodeOf(StepDefinition step) =>
        step.EstimatePerNode is { } each ? new PerNodeEstimate(each, cluster.Nodes.Count) : null;

    /// <summary>A gate's rehearsal plays the person's part on the simulator only; a real cluster's graph never has one.</summary>
    private EmbeddedText? RehearsalFor(StepDefinition step) => cluster.Connection.Simulated ? step.Manual?.Rehearse : null;

    public GraphGroup Group(StepDefinition step, CompilationScope scope, string id, string sourcePath, IReadOnlyList<string> stepIds, IReadOnlyList<GraphStep> onFailure, string? skip) =>
        new(id, sourcePath, RenderOr(step.Name, scope, step.Id), scope.GroupId, null, scope.Template.Node?.Name, null,
            step.Group?.Disruptive ?? false, [], stepIds, onFailure, step.Estimate ?? TimeSpan.Zero, skip, step.Span);

    public GraphGroup Instance(StepDefinition step, CompilationScope nodeScope, string id, string sourcePath, string parentId, string node, IReadOnlyList<string> stepIds, IReadOnlyList<GraphStep> onFailure, string? skip) =>
        new(id, sourcePath, RenderOr(step.Name, nodeScope, step.Id), parentId, parentId, node, null,
            step.Group?.Disruptive ?? false, [], stepIds, onFailure, step.Estimate ?? TimeSpan.Zero, skip, step.Span);

    public GraphGroup ForEachParent(StepDefinition step, GroupOptions group, CompilationScope scope, string id, string sourcePath, IReadOnlyList<string> instanceIds, IReadOnlyList<string> stepIds, string? skip)
    {
        // The parent has no node in scope; a name written for instances ({{ node.name }}) falls back to the id.
        var name = step.Name is null ? step.Id : templates.Render(step.Name, scope.Template, new DiagnosticBag()) ?? step.Id;
        return new(id, sourcePath, name, scope.GroupId, null, null, group.Strategy, group.Disruptive, instanceIds, stepIds, [], TimeSpan.Zero, skip, step.Span);
    }

    /// <summary>
    /// A gate is always answered where alu runs, but inside <c>forEach: node</c> it is about its node: its skipIf
    /// asks that node (e.g. Confirm-SecureBootUEFI) and its change tags (reboots-node) name it.
    /// </summary>
    private StepTarget ManualGateTarget(CompilationScope scope) =>
        scope.Template.Node is { } node ? Shared(TargetKind.Node, node.Name) : StepTarget.Orchestrator;

    private StepTarget TargetOf(ScriptDefinition script, CompilationScope scope)
    {
        var node = scope.Template.Node;
        var kind = script.TargetFromDefault ? (node is null ? TargetKind.Cluster : TargetKind.Node) : script.On;
        return kind switch
        {
            TargetKind.Orchestrator => node is null ? StepTarget.Orchestrator : Shared(TargetKind.Orchestrator, node.Name),
            TargetKind.Node when node is not null => Shared(TargetKind.Node, node.Name),
            // Outside forEach, "node" can only mean the cluster node (first in the inventory).
            _ => Shared(TargetKind.Cluster, cluster.Nodes.Count > 0 ? cluster.Nodes[0].Name : null),
        };
    }

    /// <summary>One target object per kind and node for the whole graph (targets are immutable; a node has dozens of steps).</summary>
    private StepTarget Shared(TargetKind kind, string? node)
    {
        if (!_targets.TryGetValue((kind, node), out var target))
        {
            target = new StepTarget(kind, node);
            _targets[(kind, node)] = target;
        }

        return target;
    }

    private string RenderOr(EmbeddedText? text, CompilationScope scope, string fallback) => Render(text, scope) ?? fallback;

    private string? Render(EmbeddedText? text, CompilationScope scope) =>
        text is null ? null : templates.Render(text, scope.Template, diagnostics);
}
