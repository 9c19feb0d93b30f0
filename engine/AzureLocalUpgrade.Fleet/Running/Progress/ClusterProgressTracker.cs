using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Running.Progress;

/// <summary>
/// Derives a running cluster's progress from the single-cluster engine's run events over its compiled graph: each
/// node's steps done of its own steps and its phase, the cluster's steps done of all, and the ETA (the run's clock
/// plus the critical path of the steps still to do, by the runbook's estimates; a running step counts what is left
/// of its estimate). Steps pruned at compile time never run and are not counted. A node's steps are those in its
/// <c>forEach: node</c> group instance, or aimed at it; cluster-wide steps count for the cluster only.
/// </summary>
internal sealed class ClusterProgressTracker
{
    private readonly IReadOnlyList<GraphStep> _runnable;
    private readonly Dictionary<string, (GraphStep Step, string? Node)> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GraphStep>> _stepsOfNode = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<string> _nodes;
    private readonly Dictionary<string, StepStatus> _status = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _startedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphStep> _lastStepOfNode = new(StringComparer.Ordinal);
    private readonly bool _virtualTime;
    private DateTimeOffset? _now;

    /// <param name="journal">Step states the run's journal already holds (a resumed run does not replay them as events).</param>
    /// <param name="virtualTime">The run's events are on the simulator's virtual clock.</param>
    public ClusterProgressTracker(StepGraph graph, IReadOnlyDictionary<string, StepStatus>? journal, bool virtualTime)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _virtualTime = virtualTime;
        _runnable = [.. graph.Steps.Where(s => s.SkippedReason is null)];
        _nodes = [.. graph.Cluster.Nodes.Select(n => n.Name)];
        foreach (var node in _nodes)
        {
            _stepsOfNode[node] = [];
        }

        foreach (var step in _runnable)
        {
            var node = NodeOf(graph, step);
            _byId[step.Id] = (step, node);
            if (node is not null && _stepsOfNode.TryGetValue(node, out var steps))
            {
                steps.Add(step);
            }

            if (journal is not null && journal.TryGetValue(step.Id, out var status))
            {
                // A step the journal saw running was cut off: it runs again, so it is not done.
                _status[step.Id] = status == StepStatus.Running ? StepStatus.Pending : status;
            }
        }
    }

    public void Apply(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        _now = runEvent.Time;
        if (runEvent.StepId is not { } id || !_byId.TryGetValue(id, out var known))
        {
            return;
        }

        switch (runEvent.Kind)
        {
            case RunEventKind.StepStarted:
                _status[id] = StepStatus.Running;
                _startedAt[id] = runEvent.Time;
                break;
            case RunEventKind.StepSkipped:
                _status[id] = StepStatus.Skipped;
                break;
            case RunEventKind.StepFinished when runEvent.Status is { } status:
                _status[id] = status;
                break;
            default:
                return;
        }

        if (known.Node is { } node)
        {
            _lastStepOfNode[node] = known.Step;
        }
    }

    /// <param name="builds">Each node's OS build where known (the simulator's), else null.</param>
    public ClusterProgress Snapshot(IReadOnlyDictionary<string, string>? builds)
    {
        var nodes = _nodes.Select(n => Node(n, builds is not null && builds.TryGetValue(n, out var build) ? build : null)).ToList();
        return new ClusterProgress(nodes, _runnable.Count(s => IsDone(s.Id)), _runnable.Count, Eta(), _virtualTime);
    }

    private NodeProgress Node(string node, string? build)
    {
        var steps = _stepsOfNode[node];
        var done = steps.Count(s => IsDone(s.Id));
        var running = steps.LastOrDefault(s => StatusOf(s.Id) == StepStatus.Running);
        var last = _lastStepOfNode.GetValueOrDefault(node);
        var state = steps.Any(s => StatusOf(s.Id) == StepStatus.Failed) ? NodePhase.Failed
            : steps.Count > 0 && done == steps.Count ? NodePhase.Done
            : running is not null ? NodePhase.Of(running)
            : NodePhase.Waiting;
        return new NodeProgress(node, state, done, steps.Count, (running ?? last)?.Id, build);
    }

    /// <summary>The run's latest clock reading plus the critical path of what is left; null before the first event.</summary>
    private DateTimeOffset? Eta()
    {
        if (_now is not { } now)
        {
            return null;
        }

        var left = new List<GraphStep>();
        foreach (var step in _runnable)
        {
            var status = StatusOf(step.Id);
            if (status is StepStatus.Succeeded or StepStatus.Skipped)
            {
                continue;
            }

            var elapsed = status == StepStatus.Running && _startedAt.TryGetValue(step.Id, out var started) ? now - started : TimeSpan.Zero;
            left.Add(elapsed > TimeSpan.Zero ? step with { Estimate = elapsed < step.Estimate ? step.Estimate - elapsed : TimeSpan.Zero } : step);
        }

        return now + CriticalPath.Of(left).Length;
    }

    private StepStatus StatusOf(string id) => _status.GetValueOrDefault(id, StepStatus.Pending);

    private bool IsDone(string id) => StatusOf(id) is StepStatus.Succeeded or StepStatus.Skipped;

    private static string? NodeOf(StepGraph graph, GraphStep step) =>
        graph.AncestorsOf(step).FirstOrDefault(g => g.Node is not null)?.Node
        ?? (step.Target.Kind == TargetKind.Cluster ? null : step.Target.Node);
}
