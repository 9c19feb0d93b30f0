using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets;

/// <summary>Model → output objects with the real cmdlets' property names.</summary>
internal static class Projections
{
    public static ClusterInfo Cluster(SimulationState s) =>
        new(s.ClusterName, s.FunctionalLevel, s.UpgradeVersion, s.KernelSoftReboot);

    public static ClusterNodeInfo Node(SimulationState s, NodeState n) =>
        new(n.Name, n.State, n.DrainStatus, n.BuildMajor, n.Site, s.ClusterName);

    /// <summary>A group whose owner is not in the cluster is shown Offline (it cannot run anywhere).</summary>
    public static ClusterGroupInfo Group(SimulationState s, ClusterGroupState g) =>
        new(g.Name, g.OwnerNode, EffectiveState(s, g), g.GroupType, s.ClusterName);

    public static ClusterGroupStatus EffectiveState(SimulationState s, ClusterGroupState g) =>
        g.OwnerNode is not null && s.FindNode(g.OwnerNode) is { InCluster: true } ? g.State : ClusterGroupStatus.Offline;

    public static IEnumerable<ClusterResourceInfo> Resources(SimulationState s, ClusterGroupState g) =>
        g.Resources.Select(r => new ClusterResourceInfo(r.Name, g.Name, g.OwnerNode, EffectiveState(s, g), r.ResourceType));

    public static string CsvName(VirtualDiskState d) => $"Cluster Virtual Disk ({d.FriendlyName})";

    public static ClusterSharedVolumeInfo Csv(SimulationState s, VirtualDiskState d)
    {
        var online = StorageOperations.VolumeOnline(s, d);
        var state = online ? "Online" : d.IsReFS && StorageOperations.RefsBlocked(s) ? "Failed" : "Offline";
        return new(CsvName(d), state, s.Nodes.Find(n => n.InCluster)?.Name, d.FileSystem);
    }

    public static ClusterSharedVolumeStateInfo CsvState(SimulationState s, VirtualDiskState d, NodeState n)
    {
        var online = StorageOperations.VolumeOnline(s, d) && n.InCluster;
        var state = !online ? "Unavailable" : d.IsReFS ? "FileSystemRedirected" : "Direct";
        var reason = online && d.IsReFS ? "FileSystemReFs" : "NotFileSystemRedirected";
        return new(CsvName(d), n.Name, state, d.FriendlyName, reason, "NotBlockRedirected");
    }

    public static VirtualDiskInfo Disk(SimulationState s, VirtualDiskState d)
    {
        var (health, operational) = StorageOperations.DiskHealth(s, d);
        return new(d.FriendlyName, health, operational, !d.Attached, d.SizeGb * 1024L * 1024 * 1024);
    }

    public static VolumeInfo Volume(SimulationState s, VirtualDiskState d)
    {
        var (health, operational) = StorageOperations.DiskHealth(s, d);
        var volumeHealth = health == "Unknown" ? "Unknown" : health;
        var volumeOperational = StorageOperations.VolumeOnline(s, d) ? (health == "Healthy" ? "OK" : operational) : "Unknown";
        return new(d.FriendlyName, d.FileSystem, volumeHealth, volumeOperational, null, d.SizeGb * 1024L * 1024 * 1024);
    }

    public static StorageJobInfo Job(SimulationState s, StorageJobState j)
    {
        var percent = j.PercentCompleteAt(s.Now);
        return new(j.Name, "Running", percent, true, s.Now - j.StartedAt, j.BytesTotal * percent / 100, j.BytesTotal);
    }

    public static VirtualMachineInfo Vm(SimulationState s, ClusterGroupState g)
    {
        var running = EffectiveState(s, g) == ClusterGroupStatus.Online;
        return new(g.Name, running ? "Running" : "Off", g.OwnerNode, g.VmVersion ?? "10.0", HostMemory.AssignedBytes(running));
    }

    public static ServiceInfo Service(ServiceState svc) => new(svc.Name, svc.DisplayName, svc.Status, svc.StartType);

    public static CauNodeResult NodeResult(CauNodeResultRecord r) =>
        new(new CauNodeIdentity(r.Node), r.Status.ToString(), r.UpdateTitle, r.SucceededUpdates, r.FailedUpdates, r.ErrorMessage);

    public static CauReportInfo Report(SimulationState s, CauRunRecord run, string orchestrator) => new(
        new CauClusterResult(
            s.ClusterName,
            run.RunId,
            run.StartTime,
            (run.Status ?? CauSummaryStatus.Failed).ToString(),
            (run.EndTime ?? s.Now) - run.StartTime,
            run.Message,
            [.. run.NodeResults.Select(NodeResult)]),
        run.Plugin,
        orchestrator);
}
