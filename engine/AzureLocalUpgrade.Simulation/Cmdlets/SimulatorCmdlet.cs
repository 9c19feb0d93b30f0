using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Sessions;

namespace AzureLocalUpgrade.Simulation.Cmdlets;

/// <summary>
/// Base of every simulator cmdlet: finds the cluster model and the local node through $AluSimulation, refuses to
/// work in a session broken by a restart, and turns refused operations into ErrorRecords (non-terminating, so
/// -ErrorAction SilentlyContinue works as on the real cmdlets; with ErrorActionPreference Stop they stop the script).
/// </summary>
public abstract class SimulatorCmdlet : PSCmdlet
{
    internal SimulationContext Simulation =>
        SessionState.PSVariable.GetValue(SimulationContext.VariableName) as SimulationContext
        ?? throw new SimulationException(
            "SimulatorNotAttached",
            ErrorCategory.InvalidOperation,
            $"{CommandName} is a simulator command, but this runspace is not attached to a simulated cluster (${SimulationContext.VariableName} is missing).");

    private readonly CancellationTokenSource _stopping = new();

    internal string CommandName => MyInvocation.MyCommand.Name;

    /// <summary>
    /// Work this command does that takes virtual time (an install, a drain, a sleep): returns when the simulated
    /// cluster's clock has reached its end, while other sessions' work goes on (<see cref="VirtualTimeScheduler"/>).
    /// Call it between changes of the model, never inside one. A pipeline stopped meanwhile stops the wait.
    /// </summary>
    internal void Pass(TimeSpan duration) => Waiting(() => Simulation.Cluster.Pass(duration, Simulation.NodeName ?? "", _stopping.Token));

    /// <summary>Returns when the simulated cluster's clock has reached <paramref name="instant"/>, as <see cref="Pass"/>.</summary>
    internal void WaitUntil(DateTimeOffset instant) => Waiting(() => Simulation.Cluster.WaitUntil(instant, Simulation.NodeName ?? "", _stopping.Token));

    protected override void StopProcessing() => _stopping.Cancel();

    protected sealed override void ProcessRecord()
    {
        try
        {
            Execute();
        }
        catch (SimulationException ex)
        {
            WriteError(new ErrorRecord(ex, ex.ErrorId, ex.Category, null));
        }
    }

    protected abstract void Execute();

    private static void Waiting(Action wait)
    {
        try
        {
            wait();
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs a change against the cluster model from this session (checking the session still lives).</summary>
    internal T OnCluster<T>(Func<SimulationState, T> change) =>
        Simulation.Cluster.Mutate(state =>
        {
            CheckSessionAlive(state);
            return change(state);
        });

    internal void OnCluster(Action<SimulationState> change) => OnCluster(s =>
    {
        change(s);
        return true;
    });

    /// <summary>Runs a change on the node this session is on; fails on the orchestrator, which is not a cluster node.</summary>
    internal T OnLocalNode<T>(Func<SimulationState, NodeState, T> change) => OnCluster(state => change(state, RequireLocalNode(state)));

    /// <summary>
    /// Reads the cluster model from this session without changing it: nothing is serialised or saved afterwards,
    /// which is what makes the Get-* cmdlets that polling steps call over and over cheap. A query that changes
    /// anything (a fault that counts its firings, say) must use <see cref="OnCluster{T}"/> instead.
    /// </summary>
    internal T QueryCluster<T>(Func<SimulationState, T> query) =>
        Simulation.Cluster.Read(state =>
        {
            CheckSessionAlive(state);
            return query(state);
        });

    /// <summary>Reads the node this session is on, as <see cref="QueryCluster{T}"/>.</summary>
    internal T QueryLocalNode<T>(Func<SimulationState, NodeState, T> query) => QueryCluster(state => query(state, RequireLocalNode(state)));

    internal void OnLocalNode(Action<SimulationState, NodeState> change) => OnLocalNode((s, n) =>
    {
        change(s, n);
        return true;
    });

    /// <summary>A cluster name given on the command line must be this cluster.</summary>
    internal static void CheckClusterName(SimulationState state, string? name)
    {
        if (name is not null && !string.Equals(name, state.ClusterName, StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith(state.ClusterName + ".", StringComparison.OrdinalIgnoreCase))
        {
            throw new SimulationException(
                "ClusterNotFound",
                ErrorCategory.ObjectNotFound,
                $"Cannot access cluster '{name}': the simulated cluster is named {state.ClusterName}.");
        }
    }

    /// <summary>Failover-cluster cmdlets need the cluster service running somewhere.</summary>
    internal void RequireClusterRunning(SimulationState state)
    {
        if (!state.ClusterRunning)
        {
            throw new SimulationException(
                "ClusterServiceNotRunning",
                ErrorCategory.ConnectionError,
                $"{CommandName}: the cluster service is not running on any node of cluster {state.ClusterName}. Start it with Start-Cluster.");
        }
    }

    internal static SimulationException NotFound(string what, string name, IEnumerable<string> available) =>
        new("ObjectNotFound", ErrorCategory.ObjectNotFound, $"{what} '{name}' was not found. Available: {string.Join(", ", available)}.");

    private NodeState RequireLocalNode(SimulationState state)
    {
        var name = Simulation.NodeName ?? throw new SimulationException(
            "NodeCommandOnOrchestrator",
            ErrorCategory.InvalidOperation,
            $"{CommandName} acts on a cluster node's own state; run it in a node session (on: node), not on the orchestrator.");
        return NodeOperations.RequireNode(state, name);
    }

    private void CheckSessionAlive(SimulationState state)
    {
        if (Simulation.NodeName is not { } nodeName)
        {
            return;
        }

        var node = NodeOperations.RequireNode(state, nodeName);
        if (!node.MachineOnline || node.BootEpoch != Simulation.BootEpoch)
        {
            throw new SimulationException(
                "PSSessionStateBroken",
                ErrorCategory.ResourceUnavailable,
                $"The session to {nodeName} is broken: the computer restarted after the session was opened. Open a new session.");
        }
    }
}
