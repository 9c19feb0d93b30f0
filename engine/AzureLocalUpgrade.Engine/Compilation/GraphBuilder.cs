using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Templating;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// The mutable half of one compilation. Each compile method takes the leaf ids a unit must wait for ("incoming")
/// and returns the leaf ids that units after it must wait for ("exits"). A pruned unit passes its incoming ids
/// through as its exits, so its dependents inherit its dependencies. Steps are appended in a topological order.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly ITemplateEngine _templates;
    private readonly ClusterInventory _cluster;
    private readonly DiagnosticBag _diagnostics;
    private readonly SiblingOrderCache _orders;
    private readonly JoinedTextCache _texts;
    private readonly List<GraphStep> _steps = [];
    private readonly List<GraphGroup?> _groups = [];
    // The run of _steps each group slot holds: [First, End). A group's steps are appended together.
    private readonly List<(int First, int End)> _groupSteps = [];
    private readonly StepFactory _factory;

    public GraphBuilder(ITemplateEngine templates, ClusterInventory cluster, DiagnosticBag diagnostics)
        : this(templates, cluster, diagnostics, new SiblingOrderCache(), new JoinedTextCache())
    {
    }

    private GraphBuilder(ITemplateEngine templates, ClusterInventory cluster, DiagnosticBag diagnostics, SiblingOrderCache orders, JoinedTextCache texts)
    {
        _texts = texts;
        _templates = templates;
        _cluster = cluster;
        _diagnostics = diagnostics;
        _orders = orders;
        _factory = new StepFactory(templates, cluster, diagnostics);
    }

    public IReadOnlyList<GraphStep> Steps => _steps;

    public IReadOnlyList<string> CompileList(IReadOnlyList<StepDefinition> steps, CompilationScope scope, IReadOnlyList<string> incoming)
    {
        if (steps.Count == 0)
        {
            return incoming;
        }

        var exits = new IReadOnlyList<string>[steps.Count];
        var dependedOn = new bool[steps.Count];
        // Indexed loops: enumerating an IReadOnlyList boxes its enumerator, and this runs for every list on every node.
        var order = _orders.Resolve(steps, _diagnostics);
        for (var o = 0; o < order.Count; o++)
        {
            var (index, predecessors) = order[o];
            var step = steps[index];
            // No predecessor (first step, or needs: []) means only what the enclosing unit waits for.
            var needs = predecessors.Count switch
            {
                0 => incoming,
                1 => exits[predecessors[0]],
                _ => ExitUnion.Of(ExitsOf(predecessors, exits)),
            };
            for (var p = 0; p < predecessors.Count; p++)
            {
                dependedOn[predecessors[p]] = true;
            }

            exits[index] = CompileUnit(step, scope, needs);
        }

        // The list is finished when every sibling nothing else waits for is finished (usually just the last one).
        var ends = 0;
        var end = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            if (!dependedOn[i])
            {
                ends++;
                end = i;
            }
        }

        if (ends == 1)
        {
            return exits[end];
        }

        var last = new List<IReadOnlyList<string>>(ends);
        for (var i = 0; i < steps.Count; i++)
        {
            if (!dependedOn[i])
            {
                last.Add(exits[i]);
            }
        }

        return ExitUnion.Of(last);
    }

    private static List<IReadOnlyList<string>> ExitsOf(IReadOnlyList<int> indices, IReadOnlyList<string>[] exits)
    {
        var lists = new List<IReadOnlyList<string>>(indices.Count);
        for (var i = 0; i < indices.Count; i++)
        {
            lists.Add(exits[indices[i]]);
        }

        return lists;
    }

    public IReadOnlyList<GraphGroup> GroupsWithEstimates()
    {
        var criticalPaths = new GroupCriticalPaths(_steps);
        // A declared group estimate (e.g. "a node's update takes 1h") is a floor: the steps' critical path may be longer.
        var groups = new List<GraphGroup>(_groups.Count);
        for (var slot = 0; slot < _groups.Count; slot++)
        {
            if (_groups[slot] is { } group)
            {
                var (first, end) = _groupSteps[slot];
                groups.Add(group with { Estimate = Max(group.Estimate, criticalPaths.Of(first, end)) });
            }
        }

        // Sized once for all groups: ToDictionary grew it step by step through about ten entry arrays.
        var instances = new Dictionary<string, GraphGroup>(groups.Count, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (group.ForEachParentId is not null)
            {
                instances.Add(group.Id, group);
            }
        }

        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].IsForEachParent)
            {
                groups[i] = groups[i] with { Estimate = Max(groups[i].Estimate, ParentEstimate(groups[i], instances)) };
            }
        }

        return groups;
    }

    /// <summary>Instances run maxConcurrent at a time (one at a time when rolling), so the parent takes that many rounds.</summary>
    private static TimeSpan ParentEstimate(GraphGroup parent, Dictionary<string, GraphGroup> instances)
    {
        var lengths = parent.InstanceIds.Select(id => instances.TryGetValue(id, out var i) ? i.Estimate : TimeSpan.Zero).ToList();
        var concurrency = Math.Max(1, parent.Strategy?.Mode == StrategyMode.Parallel ? parent.Strategy.MaxConcurrent ?? lengths.Count : parent.Strategy?.MaxConcurrent ?? 1);
        return lengths.Chunk(concurrency).Aggregate(TimeSpan.Zero, (total, round) => total + round.Max());
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private IReadOnlyList<string> CompileUnit(StepDefinition step, CompilationScope scope, IReadOnlyList<string> needs)
    {
        var skip = scope.InheritedSkip ?? SkipReason(step, scope);
        switch (step.Kind)
        {
            case StepKind.Group when step.Group is { ForEachNode: true } group:
                if (scope.Template.Node is null)
                {
                    return CompileForEach(step, group, scope, needs, skip);
                }

                _diagnostics.Add(DiagnosticCatalog.ForEachInsideForEach(step.Span, scope.IdOf(step.Id)));
                return CompileGroup(step, step.Children, scope, scope, needs, skip);
            case StepKind.Group:
                return CompileGroup(step, step.Children, scope, scope, needs, skip);
            case StepKind.Use when step.Use is not null:
                return CompileUse(step, step.Use, scope, needs, skip);
            default:
                var id = scope.IdOf(step.Id);
                var sourcePath = SourcePathOf(scope, step.Id);
                var onFailure = CompileOnFailure(step, scope, id, sourcePath, scope.GroupId);
                var leaf = _factory.Leaf(step, scope, id, sourcePath, needs, skip, onFailure);
                _steps.Add(leaf);
                return skip is null ? [leaf.Id] : needs;
        }
    }

    private IReadOnlyList<string> CompileUse(StepDefinition step, UseOptions use, CompilationScope scope, IReadOnlyList<string> needs, string? skip)
    {
        var import = scope.Imports.FirstOrDefault(i => string.Equals(i.Alias, use.Alias, StringComparison.Ordinal));
        if (import?.Fragment is null)
        {
            _diagnostics.Add(DiagnosticCatalog.UnknownUseAlias(step.Span, use.Alias, scope.Imports.Select(i => i.Alias)));
            return needs;
        }

        var inputs = FragmentInputBinder.Bind(import, use, import.Fragment, scope.Template, step.Span, _templates, _diagnostics);
        var inner = scope with { Template = scope.Template.WithInputs(inputs), Imports = import.Fragment.Imports };
        return CompileGroup(step, import.Fragment.Steps, scope, inner, needs, skip);
    }

    private IReadOnlyList<string> CompileGroup(
        StepDefinition step, IReadOnlyList<StepDefinition> children, CompilationScope outer, CompilationScope inner,
        IReadOnlyList<string> needs, string? skip)
    {
        var id = outer.IdOf(step.Id);
        var sourcePath = SourcePathOf(outer, step.Id);
        var slot = Reserve();
        var first = _steps.Count;
        var exits = CompileList(children, inner.Inside(id, sourcePath, skip), needs);
        _groups[slot] = _factory.Group(step, outer, id, sourcePath, StepIdsFrom(first), CompileOnFailure(step, outer, id, sourcePath, id), skip);
        _groupSteps[slot] = (first, _steps.Count);
        return skip is null ? exits : needs;
    }

    private IReadOnlyList<string> CompileForEach(StepDefinition step, GroupOptions group, CompilationScope scope, IReadOnlyList<string> needs, string? skip)
    {
        var id = scope.IdOf(step.Id);
        var sourcePath = SourcePathOf(scope, step.Id);
        var slot = Reserve();
        var first = _steps.Count;
        var nodes = _cluster.Nodes;
        var window = group.Strategy.EffectiveConcurrency(nodes.Count);
        var rolling = group.Strategy.Mode == StrategyMode.Rolling;
        var instanceExits = new List<IReadOnlyList<string>>(nodes.Count);
        var instanceIds = new List<string>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            // Rolling: instance i starts after instance i-k finished, so at most k nodes are in flight.
            var instanceNeeds = rolling && i >= window ? ExitUnion.Of([needs, instanceExits[i - window]]) : needs;
            var instanceId = $"{id}[{nodes[i].Name}]";
            var nodeScope = scope with { Template = scope.Template.WithNode(nodes[i], i) };
            var instanceSlot = Reserve();
            var instanceFirst = _steps.Count;
            instanceExits.Add(CompileList(step.Children, nodeScope.Inside(instanceId, sourcePath, skip), instanceNeeds));
            _groups[instanceSlot] = _factory.Instance(step, nodeScope, instanceId, sourcePath, id, nodes[i].Name,
                StepIdsFrom(instanceFirst), CompileOnFailure(step, nodeScope, instanceId, sourcePath, instanceId), skip);
            _groupSteps[instanceSlot] = (instanceFirst, _steps.Count);
            instanceIds.Add(instanceId);
        }

        _groups[slot] = _factory.ForEachParent(step, group, scope, id, sourcePath, instanceIds, StepIdsFrom(first), skip);
        _groupSteps[slot] = (first, _steps.Count);
        if (skip is not null || nodes.Count == 0)
        {
            return needs;
        }

        // Rolling: the last window of instances waits (transitively) for all the others.
        return ExitUnion.Of(rolling ? instanceExits[Math.Max(0, nodes.Count - window)..] : instanceExits);
    }

    private IReadOnlyList<GraphStep> CompileOnFailure(StepDefinition step, CompilationScope scope, string ownerId, string ownerSourcePath, string? groupId)
    {
        if (step.OnFailure.Count == 0)
        {
            return [];
        }

        // Recovery steps are not part of the main graph: they run only when their owner fails, never skipped.
        var recovery = new GraphBuilder(_templates, _cluster, _diagnostics, _orders, _texts);
        var recoveryScope = scope with
        {
            IdPrefix = $"{ownerId}/onFailure",
            SourcePrefix = _texts.Join(ownerSourcePath, "/", "onFailure"),
            GroupId = groupId,
            InheritedSkip = null,
        };
        recovery.CompileList(step.OnFailure, recoveryScope, []);
        return [.. recovery.Steps];
    }

    private string? SkipReason(StepDefinition step, CompilationScope scope) =>
        step.When is not null && _templates.Evaluate(step.When, scope.Template, _diagnostics) == false
            ? _texts.Join("when: ", "", step.When.Value.AsSpan().Trim())
            : null;

    /// <summary>The step's path without node expansion: the same on every node, so one string for all of them.</summary>
    private string SourcePathOf(CompilationScope scope, string stepId) =>
        scope.SourcePrefix.Length == 0 ? stepId : _texts.Join(scope.SourcePrefix, "/", stepId);

    private int Reserve()
    {
        _groups.Add(null);
        _groupSteps.Add((0, 0));
        return _groups.Count - 1;
    }

    /// <summary>The ids of the steps appended since <paramref name="first"/>: the group just compiled.</summary>
    private StepIdRange StepIdsFrom(int first) => new(_steps, first, _steps.Count);
}
