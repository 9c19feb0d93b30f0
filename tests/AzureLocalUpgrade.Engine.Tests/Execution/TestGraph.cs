using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>
/// Builds tiny compiled graphs in code, following the compiler's conventions: a step without explicit needs
/// follows its previous sibling; forEach groups expand to instances <c>group[node]</c> with ids <c>group[node]/step</c>.
/// </summary>
internal sealed class TestGraph
{
    private readonly List<GraphStep> _steps = [];
    private readonly List<GraphGroup> _groups = [];
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);
    private string? _previousTopLevel;

    public TestGraph(int nodes = 3, string cluster = "hci01")
    {
        Cluster = cluster;
        Nodes = Enumerable.Range(1, nodes).Select(i => $"{cluster}-n{i}").ToList();
    }

    public string Cluster { get; }

    public List<string> Nodes { get; }

    public TestGraph Parameter(string name, object? value)
    {
        _parameters[name] = value;
        return this;
    }

    /// <param name="script">The step's PowerShell text (default: a comment naming the step).</param>
    public TestGraph PowerShell(string id, string[]? needs = null, RetryPolicy? retry = null, TimeSpan? timeout = null,
        bool idempotent = false, string? skipIf = null, string[]? tags = null, GraphStep[]? onFailure = null, string? script = null, TimeSpan? estimate = null,
        PerNodeEstimate? perNode = null)
    {
        var step = Step(id, StepKind.PowerShell, StepTarget.Orchestrator, retry: retry, timeout: timeout, idempotent: idempotent, skipIf: skipIf, tags: tags, onFailure: onFailure);
        step = step with { Script = script is null ? step.Script : EmbeddedText.Synthetic(script), Estimate = estimate ?? step.Estimate, PerNode = perNode };
        return Add(step, needs);
    }

    public TestGraph Check(string id, Severity severity = Severity.Error, string? message = null, string[]? needs = null) =>
        Add(Step(id, StepKind.Check, StepTarget.Orchestrator, severity: severity, message: message), needs);

    public TestGraph Wait(string id, TimeSpan interval, TimeSpan timeout, string[]? needs = null) =>
        Add(Step(id, StepKind.Wait, StepTarget.Orchestrator, poll: interval, timeout: timeout), needs);

    /// <param name="rehearsed">The gate carries a rehearse script (as compiled for a simulated cluster); the host sees it as the step's call.</param>
    public TestGraph Manual(string id, string[]? needs = null, bool rehearsed = false) =>
        Add(Step(id, StepKind.Manual, StepTarget.Orchestrator, instructions: "Enable Secure Boot")
            with { Rehearsal = rehearsed ? EmbeddedText.Synthetic($"# script of {id}: what the person does") : null }, needs);

    public TestGraph SkippedAtCompileTime(string id, string reason, string[]? needs = null) =>
        Add(Step(id, StepKind.PowerShell, StepTarget.Orchestrator) with { SkippedReason = reason }, needs);

    /// <param name="body">Each entry: (id, kind, tags, safe-to-rerun). Steps run in order inside an instance.</param>
    public TestGraph ForEach(string id, Strategy strategy, bool disruptive, IReadOnlyList<InstanceStep> body,
        IReadOnlyList<InstanceStep>? onFailure = null, string[]? needs = null, TimeSpan? instanceEstimate = null,
        IReadOnlyDictionary<string, TimeSpan>? estimateByNode = null)
    {
        var groupNeeds = needs ?? (_previousTopLevel is null ? [] : [_previousTopLevel]);
        var instanceIds = new List<string>();
        var allSteps = new List<string>();
        foreach (var node in Nodes)
        {
            var instanceId = $"{id}[{node}]";
            instanceIds.Add(instanceId);
            var stepIds = new List<string>();
            string? previous = null;
            foreach (var entry in body)
            {
                var step = Step($"{instanceId}/{entry.Id}", entry.Kind, StepTarget.OnNode(node), tags: entry.Tags, idempotent: entry.Idempotent)
                    with { GroupId = instanceId, SourcePath = $"{id}/{entry.Id}", Needs = previous is null ? groupNeeds : [previous] };
                _steps.Add(step);
                stepIds.Add(step.Id);
                previous = step.Id;
            }

            var compensation = (onFailure ?? []).Select(e =>
                Step($"{instanceId}/onFailure/{e.Id}", e.Kind, StepTarget.OnNode(node), tags: e.Tags) with { GroupId = instanceId }).ToList();
            _groups.Add(new GraphGroup(instanceId, id, instanceId, null, id, node, null, disruptive, [], stepIds, compensation, estimateByNode?.GetValueOrDefault(node) ?? instanceEstimate ?? TimeSpan.Zero, null, SourceSpan.None));
            allSteps.AddRange(stepIds);
        }

        _groups.Add(new GraphGroup(id, id, id, null, null, null, strategy, disruptive, instanceIds, allSteps, [], TimeSpan.Zero, null, SourceSpan.None));
        _previousTopLevel = id;
        return this;
    }

    public StepGraph Build(string? inventoryPath = null) => new(
        "test-runbook",
        "1.0.0",
        "sconfig",
        null,
        Inventory(inventoryPath),
        _parameters,
        _steps,
        _groups,
        new Dictionary<string, string>(StringComparer.Ordinal) { ["test-runbook.yaml"] = new string('a', 64) });

    public static GraphStep Step(string id, StepKind kind, StepTarget target, Severity severity = Severity.Error, string? message = null,
        TimeSpan? poll = null, TimeSpan? timeout = null, RetryPolicy? retry = null, bool idempotent = false, string? skipIf = null,
        string[]? tags = null, GraphStep[]? onFailure = null, string? instructions = null) => new(
        id,
        id,
        kind,
        id,
        null,
        target,
        kind == StepKind.Manual ? null : EmbeddedText.Synthetic($"# script of {id}"),
        skipIf is null ? null : EmbeddedText.Synthetic(skipIf),
        severity,
        message,
        poll,
        instructions,
        [],
        null,
        retry,
        timeout,
        TimeSpan.FromMinutes(1),
        false,
        idempotent,
        onFailure ?? [],
        tags ?? [],
        new Dictionary<string, object?>(),
        null,
        SourceSpan.None);

    private TestGraph Add(GraphStep step, string[]? needs)
    {
        _steps.Add(step with { Needs = needs ?? (_previousTopLevel is null ? [] : [_previousTopLevel]) });
        _previousTopLevel = step.Id;
        return this;
    }

    private ClusterInventory Inventory(string? path) => new(
        Cluster,
        Nodes.Select(n => new NodeInventory(n, "20349.3692", null, "Up", true, [], [], null, SourceSpan.None)).ToList(),
        ConnectionSpec.SimulatedDefault,
        new ClusterFacts(false, false, true, "SystemAssigned", "present", new AksArcFacts(false, false), true, false, false, true, null, 11,
            new StorageFacts("S2D on " + Cluster, [])),
        path ?? "",
        SourceSpan.None);
}
