using System.Management.Automation;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>Cluster membership changes: drain, resume, restart, a node leaving or joining the cluster.</summary>
internal static class NodeOperations
{
    public static NodeState RequireNode(SimulationState state, string name) =>
        state.FindNode(name) ?? throw new SimulationException(
            "ClusterNodeNotFound",
            ErrorCategory.ObjectNotFound,
            $"The node '{name}' is not a member of cluster {state.ClusterName}. Nodes: {string.Join(", ", state.Nodes.Select(n => n.Name))}.");

    public static DrainOutcome Drain(SimulationState state, NodeState node, bool force)
    {
        if (!node.InCluster)
        {
            throw new SimulationException("ClusterNodeDown", ErrorCategory.InvalidOperation, $"Cannot pause node {node.Name}: it is Down.");
        }

        if (node.Paused && node.DrainStatus is NodeDrainStatus.Completed or NodeDrainStatus.InProgress)
        {
            return DrainOutcome.Success;
        }

        node.Paused = true;
        foreach (var group in state.Groups.Where(g => Owns(g, node)).ToList())
        {
            var target = FindFailoverTarget(state, group, node);
            if (target is not null)
            {
                group.OwnerNode = target.Name;
                continue;
            }

            if (!force)
            {
                node.DrainStatus = NodeDrainStatus.Failed;
                var others = state.Nodes.Exists(n => n != node && n.State == ClusterNodeState.Up);
                return DrainOutcome.Failure(others
                    ? $"Drain of node {node.Name} failed: no other Up node has room for role '{group.Name}'. The node is paused with the role still on it."
                    : $"Drain of node {node.Name} failed: no other node is Up to take role '{group.Name}'. The node is paused with the role still on it.");
            }

            // -ForceDrain: the role is stopped and moved as failed, so nothing stays on the paused node.
            group.OwnerNode = state.Nodes.Find(n => n != node && n.InCluster)?.Name ?? state.Nodes.Find(n => n != node)?.Name ?? group.OwnerNode;
            group.State = ClusterGroupStatus.Failed;
        }

        node.DrainStatus = NodeDrainStatus.InProgress;
        node.DrainCompletesAt = state.Now + SimulationTimings.Drain;
        node.Counters.Drains++;
        return DrainOutcome.Success;
    }

    /// <summary>Pause without drain (Suspend-ClusterNode without -Drain).</summary>
    public static void Pause(NodeState node)
    {
        if (!node.InCluster)
        {
            throw new SimulationException("ClusterNodeDown", ErrorCategory.InvalidOperation, $"Cannot pause node {node.Name}: it is Down.");
        }

        node.Paused = true;
    }

    /// <summary>Takes the node out of maintenance; returns how long moving its roles back takes (zero without failback).</summary>
    public static TimeSpan Resume(SimulationState state, NodeState node, string failback)
    {
        if (!node.InCluster)
        {
            throw new SimulationException("ClusterNodeDown", ErrorCategory.InvalidOperation, $"Cannot resume node {node.Name}: it is Down. Wait until it is back in the cluster.");
        }

        node.Paused = false;
        node.DrainStatus = NodeDrainStatus.NotInitiated;
        node.DrainCompletesAt = null;
        if (string.Equals(failback, "NoFailback", StringComparison.OrdinalIgnoreCase))
        {
            return TimeSpan.Zero;
        }

        // Immediate and Policy both fail back here; the simulator has no failback windows. Moving roles back takes
        // the failback time (live migrations), once for the whole node.
        var movedBack = false;
        foreach (var group in state.Groups.Where(g => string.Equals(g.PreferredOwner, node.Name, StringComparison.OrdinalIgnoreCase)))
        {
            movedBack |= !Owns(group, node);
            group.OwnerNode = node.Name;
            if (group.State == ClusterGroupStatus.Failed)
            {
                group.State = ClusterGroupStatus.Online;
            }
        }

        return movedBack ? SimulationTimings.Failback : TimeSpan.Zero;
    }

    public static void BeginRestart(SimulationState state, NodeState node, bool soft)
    {
        if (!node.MachineOnline)
        {
            throw new SimulationException("ComputerNotRunning", ErrorCategory.ResourceUnavailable, $"Cannot restart {node.Name}: the computer is not running (it is restarting or off).");
        }

        LeaveCluster(state, node, failover: true);
        node.MachineOnline = false;
        node.BootEpoch++;
        node.Counters.Reboots++;
        node.SoftRebootInProgress = soft;
        node.MountedImages.Clear();
        var neverReturns = state.ActiveFaults(FaultKind.NodeNeverReturns).FirstOrDefault(f => f.AppliesTo(node.Name) && !f.IsConsumedOn(node.Name));
        if (neverReturns is not null)
        {
            neverReturns.ConsumedOn.Add(node.Name);
            node.BootCompletesAt = null;
        }
        else
        {
            node.BootCompletesAt = state.Now + SimulationTimings.Boot;
        }
    }

    /// <summary>The boot finishes: a pending feature update is applied (full reboots only), services start.</summary>
    public static void CompleteBoot(SimulationState state, NodeState node)
    {
        node.LastBootUpTime = node.BootCompletesAt ?? state.Now;
        node.MachineOnline = true;
        node.BootCompletesAt = null;
        if (node.PendingFeatureUpdate is { } release && !node.SoftRebootInProgress)
        {
            OsIdentity.ApplyFeatureUpdate(node, release);
            node.PendingFeatureUpdate = null;
        }

        if (node.PendingCumulativeUpdate is { } cumulative && !node.SoftRebootInProgress)
        {
            OsIdentity.ApplyCumulativeUpdate(node, OsBuild.Parse(cumulative));
            node.PendingCumulativeUpdate = null;
        }

        node.SoftRebootInProgress = false;
        var refsFault = state.ActiveFaults(FaultKind.RefsKeyOverridden).FirstOrDefault(f => f.AppliesTo(node.Name) && !f.IsConsumedOn(node.Name));
        if (refsFault is not null)
        {
            refsFault.ConsumedOn.Add(node.Name);
            RegistryOperations.SetValue(node, RegistryPaths.FileSystem, RegistryPaths.RefsMetadataValidation, 1L, "DWord");
            node.RefsVolumesBlocked = true;
            node.RefsToggleArmed = false;
        }

        foreach (var service in node.Services)
        {
            service.Status = service.StartType == ServiceStartType.Automatic ? ServiceStatus.Running : ServiceStatus.Stopped;
        }

        if (node.InCluster)
        {
            JoinCluster(state, node);
        }
    }

    /// <summary>The node stops being a cluster member (restart, cluster service stopped). Its roles fail over when they can.</summary>
    public static void LeaveCluster(SimulationState state, NodeState node, bool failover)
    {
        if (!node.InCluster)
        {
            return;
        }

        node.LeftClusterAt = state.Now;
        if (!failover)
        {
            return;
        }

        foreach (var group in state.Groups.Where(g => Owns(g, node)).ToList())
        {
            var target = FindFailoverTarget(state, group, node, includePaused: false);
            if (target is not null)
            {
                group.OwnerNode = target.Name;
            }
        }
    }

    /// <summary>The node is back in the cluster: storage resyncs what it missed, stranded roles come online here.</summary>
    public static void JoinCluster(SimulationState state, NodeState node)
    {
        if (state.PoolOfflineSince is { } offline)
        {
            PoolBackOnline(state, offline);
        }

        if (node.LeftClusterAt is { } left)
        {
            StorageOperations.StartRepair(state, node, state.Now - left);
            node.LeftClusterAt = null;
        }

        foreach (var group in state.Groups)
        {
            var owner = group.OwnerNode is null ? null : state.FindNode(group.OwnerNode);
            if (owner is null || !owner.InCluster)
            {
                group.OwnerNode = node.Name;
            }
        }
    }

    /// <summary>
    /// The first node back after Stop-Cluster brings the pool online. Writes a node missed are those made while it was
    /// out and the pool was online, so the offline stretch is cut out of every absence: a node that left with the
    /// stop owes nothing; one that was down before the stop still owes what it missed until then.
    /// </summary>
    private static void PoolBackOnline(SimulationState state, DateTimeOffset offline)
    {
        var offlineFor = state.Now - offline;
        foreach (var other in state.Nodes.Where(n => n.LeftClusterAt is not null))
        {
            other.LeftClusterAt = other.LeftClusterAt <= offline ? other.LeftClusterAt + offlineFor : state.Now;
        }

        state.PoolOfflineSince = null;
    }

    public static bool Owns(ClusterGroupState group, NodeState node) =>
        string.Equals(group.OwnerNode, node.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The least loaded other Up node with room for the group (VM capacity applies to VM roles only).</summary>
    private static NodeState? FindFailoverTarget(SimulationState state, ClusterGroupState group, NodeState leaving, bool includePaused = false)
    {
        var capacity = state.ActiveFaults(FaultKind.LimitedVmCapacity).Select(f => f.VmsPerNode).FirstOrDefault();
        return state.Nodes
            .Where(n => n != leaving && n.InCluster && (includePaused || !n.Paused))
            .Where(n => !group.IsVirtualMachine || capacity is null || VmCount(state, n) < capacity)
            .OrderBy(n => VmCount(state, n))
            .FirstOrDefault();
    }

    private static int VmCount(SimulationState state, NodeState node) =>
        state.Groups.Count(g => g.IsVirtualMachine && Owns(g, node));
}
