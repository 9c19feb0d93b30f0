using AzureLocalUpgrade.Simulation;
using AzureLocalUpgrade.Simulation.Model;
using FluentAssertions.Execution;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>What "upgraded and healthy" means, read from the simulated cluster's state.</summary>
internal static class ClusterAssertions
{
    public static void FullyUpgradedAndHealthy(SimulationSnapshot cluster, int targetBuild, int nodesDownAllowed)
    {
        using var scope = new AssertionScope();
        cluster.Nodes.Should().AllSatisfy(n =>
        {
            n.Build.Major.Should().Be(targetBuild, n.Name);
            n.State.Should().Be(ClusterNodeState.Up, n.Name);
        });
        cluster.MaxNodesDownAtOnce.Should().BeLessThanOrEqualTo(nodesDownAllowed);
        cluster.StorageJobs.Should().Be(0);
        cluster.VirtualDisks.Should().NotBeEmpty().And.AllSatisfy(d => d.Healthy.Should().BeTrue($"{d.Name} is {d.HealthStatus}/{d.OperationalStatus}, volume online {d.VolumeOnline}"));
        cluster.Groups.Where(g => g.IsVirtualMachine).Should().NotBeEmpty();
        cluster.Groups.Should().AllSatisfy(g => g.State.Should().Be(ClusterGroupStatus.Online, g.Name));
    }
}
