using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>Storage repair jobs and the health that storage cmdlets report, derived from the cluster's condition.</summary>
internal static class StorageOperations
{
    public static void StartRepair(SimulationState state, NodeState returning, TimeSpan away)
    {
        var job = new StorageJobState
        {
            Name = "Repair",
            StartedBy = returning.Name,
            StartedAt = state.Now,
            Duration = SimulationTimings.RepairDuration(away),
            BytesTotal = state.Storage.VirtualDisks.Sum(d => d.SizeGb) * 1024L * 1024 * 1024 / 50,
        };
        var stuck = state.ActiveFaults(FaultKind.StuckStorageJob).FirstOrDefault(f => f.AppliesTo(returning.Name) && !f.IsConsumedOn("*"));
        if (stuck is not null)
        {
            stuck.ConsumedOn.Add("*");
            job.Stuck = true;
        }

        state.Storage.Jobs.Add(job);
    }

    public static bool PoolOnline(SimulationState state) => state.ClusterRunning;

    public static bool RepairRunning(SimulationState state) => state.Storage.Jobs.Count > 0;

    /// <summary>ReFS volumes held offline by the refs-key-overridden fault on some node.</summary>
    public static bool RefsBlocked(SimulationState state) => state.Nodes.Exists(n => n.RefsVolumesBlocked);

    public static bool VolumeOnline(SimulationState state, VirtualDiskState disk) =>
        PoolOnline(state) && disk.Attached && !(disk.IsReFS && RefsBlocked(state));

    public static (string Health, string Operational) DiskHealth(SimulationState state, VirtualDiskState disk)
    {
        if (!PoolOnline(state) || !disk.Attached)
        {
            return ("Unknown", "Detached");
        }

        if (disk.IsReFS && RefsBlocked(state))
        {
            return ("Unhealthy", "Detached");
        }

        if (state.Nodes.Exists(n => !n.InCluster))
        {
            return ("Warning", "Degraded");
        }

        return RepairRunning(state) ? ("Warning", "InService") : ("Healthy", "OK");
    }

    public static (string Health, string Operational) PoolHealth(SimulationState state)
    {
        if (!PoolOnline(state))
        {
            return ("Unknown", "Unknown");
        }

        return state.Nodes.Exists(n => !n.InCluster) || RepairRunning(state) ? ("Warning", "Degraded") : ("Healthy", "OK");
    }
}
