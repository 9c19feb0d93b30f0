using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation;

/// <summary>One node as `alu sim status` and tests see it.</summary>
public sealed record NodeSnapshot(
    string Name,
    OsBuild Build,
    ClusterNodeState State,
    NodeDrainStatus DrainStatus,
    bool Reachable,
    string? PendingFeatureUpdate,
    int Drains,
    int Reboots,
    int FeatureUpdatesApplied)
{
    public string Release => Build.Release;
}
