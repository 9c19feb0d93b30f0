using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>
/// Test double for the executor's collaborator <see cref="IStepHost"/>: returns configured outcomes per step id (the last
/// one repeats; the default is success with output $true), answers the executor's health queries from configured
/// cluster state, and records every call with the virtual time it was made at.
/// </summary>
internal sealed class ScriptedStepHost(VirtualClock clock, IEnumerable<string> nodes) : IStepHost
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<ScriptResult>> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<ScriptResult>> _guards = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodesInFlight = new(StringComparer.Ordinal);
    private int _inFlight;

    public Dictionary<string, string> NodeStates { get; } = nodes.ToDictionary(n => n, _ => "Up", StringComparer.Ordinal);

    /// <summary>Storage jobs reported per health query, in order; empty lists once exhausted.</summary>
    public Queue<string[]> StorageJobs { get; } = new();

    public List<HostCall> Calls { get; } = [];

    public int MaxInFlight { get; private set; }

    public int MaxNodesInFlight { get; private set; }

    /// <summary>Runs inside every step call (not health queries) before it returns: barriers, cancellation.</summary>
    public Func<ScriptInvocation, CancellationToken, Task>? DuringCall { get; set; }

    public int RunspacesOpened => 0;

    public static ScriptResult Ok(params object?[] output) => new(ScriptOutcome.Succeeded, output, [], null, SourceSpan.None, TimeSpan.FromSeconds(1));

    public static ScriptResult True => Ok(true);

    public static ScriptResult False => Ok(false);

    public static ScriptResult Fail(string message) =>
        new(ScriptOutcome.Failed, [], [new StreamRecord("error", message)], message, SourceSpan.None, TimeSpan.FromSeconds(1));

    public static ScriptResult Unreachable => new(ScriptOutcome.Unreachable, [], [], "WinRM cannot reach the node", SourceSpan.None, TimeSpan.FromMinutes(20));

    public static ScriptResult TimedOut => new(ScriptOutcome.TimedOut, [], [], "stopped", SourceSpan.None, TimeSpan.FromMinutes(30));

    public ScriptedStepHost Returns(string stepId, params ScriptResult[] results)
    {
        _results[stepId] = new Queue<ScriptResult>(results);
        return this;
    }

    public ScriptedStepHost GuardReturns(string stepId, params ScriptResult[] results)
    {
        _guards[stepId] = new Queue<ScriptResult>(results);
        return this;
    }

    public IEnumerable<HostCall> StepCalls(string stepId) => Calls.Where(c => c.StepId == stepId && !c.IsGuard);

    public async Task<ScriptResult> InvokeAsync(ScriptInvocation invocation, CancellationToken cancellationToken)
    {
        var isGuard = !invocation.Script.Value.StartsWith("# script of", StringComparison.Ordinal) && !IsHealthQuery(invocation.StepId);
        var node = invocation.Target.Node;
        lock (_gate)
        {
            Calls.Add(new HostCall(invocation.StepId, node, clock.UtcNow, isGuard, invocation.Timeout, invocation.Parameters));
            if (!IsHealthQuery(invocation.StepId))
            {
                _inFlight++;
                MaxInFlight = Math.Max(MaxInFlight, _inFlight);
                if (node is not null)
                {
                    _nodesInFlight.Add(node);
                    MaxNodesInFlight = Math.Max(MaxNodesInFlight, _nodesInFlight.Count);
                }
            }
        }

        try
        {
            // Give other ready steps the chance to start while this call is "running".
            await Task.Yield();
            if (IsHealthQuery(invocation.StepId))
            {
                return Health(invocation.StepId);
            }

            if (DuringCall is not null)
            {
                await DuringCall(invocation, cancellationToken);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return new ScriptResult(ScriptOutcome.Cancelled, [], [], "cancelled", SourceSpan.None, TimeSpan.Zero);
            }

            lock (_gate)
            {
                var table = isGuard ? _guards : _results;
                return table.TryGetValue(invocation.StepId, out var queue) && queue.Count > 0
                    ? (queue.Count > 1 ? queue.Dequeue() : queue.Peek())
                    : isGuard ? False : True;
            }
        }
        finally
        {
            lock (_gate)
            {
                if (!IsHealthQuery(invocation.StepId))
                {
                    _inFlight--;
                    if (node is not null)
                    {
                        _nodesInFlight.Remove(node);
                    }
                }
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Dictionary<string, object?> NodeState(string name, string state) =>
        new(StringComparer.OrdinalIgnoreCase) { ["Name"] = name, ["State"] = state };

    private static bool IsHealthQuery(string stepId) => stepId.StartsWith("alu:", StringComparison.Ordinal);

    private ScriptResult Health(string id)
    {
        lock (_gate)
        {
            return id switch
            {
                // The shape ClusterHealthScripts.NodeStates gives through the PowerShell host: one object per node.
                ClusterHealthScripts.NodeStatesId => Ok(NodeStates.Select(p => (object?)NodeState(p.Key, p.Value)).ToArray()),
                ClusterHealthScripts.StorageJobsId => Ok(StorageJobs.Count > 0 ? StorageJobs.Dequeue() : []),
                _ => Ok(),
            };
        }
    }
}
