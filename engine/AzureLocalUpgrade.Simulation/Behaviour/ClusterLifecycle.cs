using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>Stopping and starting the cluster service on every node (the offline update method), and the functional level.</summary>
internal static class ClusterLifecycle
{
    /// <summary>Stops the cluster service everywhere; returns how long that takes, for the caller to pass outside the change.</summary>
    public static TimeSpan Stop(SimulationState state)
    {
        foreach (var node in state.Nodes.Where(n => n.InCluster))
        {
            NodeOperations.LeaveCluster(state, node, failover: false);
            node.ClusterService.Status = ServiceStatus.Stopped;
        }

        state.PoolOfflineSince ??= state.Now;
        return SimulationTimings.StopCluster;
    }

    /// <summary>Starts the cluster service on every running node where it is not disabled; returns how long that takes.</summary>
    public static TimeSpan Start(SimulationState state)
    {
        var startable = state.Nodes.Where(n => n.MachineOnline && !n.InCluster && n.ClusterService.StartType != ServiceStartType.Disabled).ToList();
        if (startable.Count == 0 && !state.ClusterRunning)
        {
            var disabled = state.Nodes.Where(n => n.MachineOnline && n.ClusterService.StartType == ServiceStartType.Disabled).Select(n => n.Name).ToList();
            throw new SimulationException(
                "ClusterServiceCannotStart",
                ErrorCategory.ResourceUnavailable,
                disabled.Count > 0
                    ? $"The cluster service cannot start: it is Disabled on {string.Join(", ", disabled)} (Set-Service clussvc -StartupType Automatic) and no other node is running."
                    : "The cluster service cannot start: no node is running.");
        }

        foreach (var node in startable)
        {
            node.ClusterService.Status = ServiceStatus.Running;
            NodeOperations.JoinCluster(state, node);
        }

        return SimulationTimings.StartCluster;
    }

    /// <summary>Raises the functional level; every node must be Up and on one build.</summary>
    public static void UpdateFunctionalLevel(SimulationState state, bool apply)
    {
        var notUp = state.Nodes.Where(n => n.State != ClusterNodeState.Up).Select(n => $"{n.Name} ({n.State})").ToList();
        if (notUp.Count > 0)
        {
            throw new SimulationException(
                "NodesNotUp",
                ErrorCategory.InvalidOperation,
                $"The cluster functional level can be updated only when every node is Up. Not Up: {string.Join(", ", notUp)}.");
        }

        var majors = state.Nodes.Select(n => n.BuildMajor).Distinct().ToList();
        if (majors.Count > 1)
        {
            throw new SimulationException(
                "MixedBuilds",
                ErrorCategory.InvalidOperation,
                $"The cluster functional level can be updated only when every node runs the same OS version. Builds: {string.Join(", ", state.Nodes.Select(n => $"{n.Name}={n.Build}"))}.");
        }

        if (apply)
        {
            state.FunctionalLevel = Math.Max(state.FunctionalLevel, SimulatedReleases.FunctionalLevelFor(majors[0]));
            state.UpgradeVersion = Math.Max(state.UpgradeVersion, SimulatedReleases.UpgradeVersionFor(majors[0]));
        }
    }
}
