using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation;

/// <summary>A read-only view of the simulated cluster at one virtual instant.</summary>
/// <param name="MaxNodesDownAtOnce">Most nodes ever not Up (Down or Paused) at the same time.</param>
/// <param name="StorageJobs">Storage jobs still running (a stuck job stays here).</param>
/// <param name="VirtualDisks">Every virtual disk with its volume's health.</param>
/// <param name="Groups">Every cluster role, VMs included.</param>
public sealed record SimulationSnapshot(
    string ClusterName,
    DateTimeOffset Now,
    IReadOnlyList<NodeSnapshot> Nodes,
    int ClusterFunctionalLevel,
    int ClusterUpgradeVersion,
    int MaxNodesDownAtOnce,
    int StorageJobs,
    CauRunState CauRunState,
    int CauRuns,
    string? Scenario,
    IReadOnlyList<VirtualDiskSnapshot> VirtualDisks,
    IReadOnlyList<ClusterGroupSnapshot> Groups)
{
    public NodeSnapshot Node(string name) =>
        Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No node named {name}.", nameof(name));
}
