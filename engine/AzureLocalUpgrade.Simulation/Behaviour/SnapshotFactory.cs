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
        s.Scenario?.Name);
}
