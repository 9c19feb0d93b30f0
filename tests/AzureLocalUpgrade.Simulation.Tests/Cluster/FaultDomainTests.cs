using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Cluster;

public sealed class FaultDomainTests
{
    // The runbooks' stretch guards (runbooks/fragments/guards.yaml, stretch-not-24h2 and stretch-path).
    private const string StretchGuard = "@(Get-ClusterFaultDomain -Type Site).Count -lt 2";

    [Fact]
    public void StretchCluster_ShouldHaveTwoSites_EachHoldingItsNodes()
    {
        using var sim = new SimulatorHarness(TestInventories.Cluster(nodes: 4), Samples.Scenario("stretch-cluster"));

        var sites = sim.RunOn(null, "Get-ClusterFaultDomain -Type Site | ForEach-Object { $_.Name + ':' + ($_.ChildrenNames -join ',') }");

        sites.Select(s => s.BaseObject).Should().Equal($"Site1:{sim.Node(1)},{sim.Node(2)}", $"Site2:{sim.Node(3)},{sim.Node(4)}");
        sim.RunOn(null, StretchGuard).Single().BaseObject.Should().Be(false);
    }

    [Fact]
    public void OrdinaryCluster_ShouldHaveNoSites_AndOneNodeDomainPerNode()
    {
        using var sim = new SimulatorHarness();

        var nodes = sim.RunOn(null, "Get-ClusterFaultDomain -Type Node | ForEach-Object Name");

        nodes.Select(n => n.BaseObject).Should().Equal(sim.Node(1), sim.Node(2), sim.Node(3));
        sim.RunOn(null, StretchGuard).Single().BaseObject.Should().Be(true);
    }
}
