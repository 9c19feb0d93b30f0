using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.PowerShell.Targets;

namespace AzureLocalUpgrade.Simulation.Sessions;

/// <summary>
/// Node "sessions" for the simulated cluster: a local runspace per target built on the engine's base state plus
/// the simulator cmdlets. A node that is restarting cannot be opened; a session opened before a restart is dead.
/// </summary>
public sealed class SimulatedTargetConnector : ITargetConnector
{
    private readonly ConditionalWeakTable<Runspace, SimulationContext> _sessions = [];

    public SimulatedTargetConnector(SimulatedCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Cluster = cluster;
    }

    public SimulatedCluster Cluster { get; }

    public Runspace Open(StepTarget target, InitialSessionState baseState)
    {
        ArgumentNullException.ThrowIfNull(target);
        var node = target.SessionNode;
        var epoch = node is null ? 0 : Cluster.Read(s =>
        {
            var state = s.FindNode(node) ?? throw new ArgumentException(
                $"Simulated cluster {s.ClusterName} has no node named {node} (nodes: {string.Join(", ", s.Nodes.Select(n => n.Name))}).", nameof(target));
            if (!state.MachineOnline)
            {
                throw new TargetUnreachableException(state.BootCompletesAt is null
                    ? $"Simulated node {node} is not running and is not coming back."
                    : $"Simulated node {node} is restarting (back at {state.BootCompletesAt:u} virtual time).");
            }

            return state.BootEpoch;
        });

        var context = new SimulationContext(Cluster, node, epoch);
        var runspace = RunspaceFactory.CreateRunspace(SimulatorCommands.CreateSessionState(baseState, context));
        runspace.Open();
        _sessions.AddOrUpdate(runspace, context);
        return runspace;
    }

    public bool IsAlive(StepTarget target, Runspace runspace)
    {
        ArgumentNullException.ThrowIfNull(runspace);
        if (runspace.RunspaceStateInfo.State != RunspaceState.Opened || !_sessions.TryGetValue(runspace, out var context))
        {
            return false;
        }

        return context.NodeName is null || Cluster.Read(s =>
            s.FindNode(context.NodeName) is { MachineOnline: true } node && node.BootEpoch == context.BootEpoch);
    }
}
