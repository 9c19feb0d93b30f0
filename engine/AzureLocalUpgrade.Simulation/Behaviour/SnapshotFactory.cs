using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

internal static class SnapshotFactory
{
    public static SimulationSnapshot Create(SimulationState s) => new(
        s.ClusterName,
        s.Now,
        [.. s.Nodes.Select(n => new NodeSnapshot(
            n.Name,
            n.Build,
            n.State,
            n.DrainStatus,
            n.MachineOnline,
            n.PendingFeatureUpdate,
            n.Counters.Drains,
            n.Counters.Reboots,
            n.Counters.FeatureUpdatesApplied))],
        s.FunctionalLevel,
        s.UpgradeVersion,
        s.MaxNodesDownAtOnce,
        s.Storage.Jobs.Count,
        s.Cau.RunState,
        s.Cau.History.Count,
        s.Scenario?.Name,
        [.. s.Storage.VirtualDisks.Select(d => Disk(s, d))],
        [.. s.Groups.Select(g => new ClusterGroupSnapshot(g.Name, g.IsVirtualMachine, g.State, g.OwnerNode))]);

    private static VirtualDiskSnapshot Disk(SimulationState s, VirtualDiskState d)
    {
        var (health, operational) = StorageOperations.DiskHealth(s, d);
        return new VirtualDiskSnapshot(d.FriendlyName, health, operational, StorageOperations.VolumeOnline(s, d));
    }
}
