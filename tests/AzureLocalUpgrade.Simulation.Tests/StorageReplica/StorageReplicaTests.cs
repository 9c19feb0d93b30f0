using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.StorageReplica;

/// <summary>
/// Storage Replica on a stretched cluster, as the stretched-cluster upgrade page checks it afterwards: every
/// replication group (Get-SRGroup) in a partnership and replicating continuously (upgrade-stretched-cluster-to-23h2.md,
/// "Check that the stretched cluster is ready"; objects from StorageReplica/Get-SRGroup.md and Get-SRPartnership.md).
/// </summary>
public sealed class StorageReplicaTests : IDisposable
{
    private readonly SimulatorHarness _stretch = new(TestInventories.Cluster(nodes: 4), Samples.Scenario("stretch-cluster"));

    public void Dispose() => _stretch.Dispose();

    [Fact]
    public void GetSRGroup_ShouldListTheGroupsOnTheNamedHost_ReplicatingContinuously()
    {
        var groups = _stretch.RunOn(null, $"Get-SRGroup -ComputerName {_stretch.Node(1)}");

        groups.Should().HaveCount(2).And.AllSatisfy(g =>
        {
            g.Properties["IsInPartnership"].Value.Should().Be(true);
            g.Properties["ReplicationStatus"].Value.Should().Be("ContinuouslyReplicating");
        });
    }

    [Fact]
    public void GetSRPartnership_ShouldJoinEachSourceGroupToItsDestinationOnTheOtherSite()
    {
        var partnerships = _stretch.RunOn(_stretch.Node(1), "Get-SRPartnership");

        partnerships.Should().HaveCount(2).And.AllSatisfy(p =>
            (p.Properties["SourceComputerName"].Value, p.Properties["DestinationComputerName"].Value).Should().Be((_stretch.Node(1), _stretch.Node(3))));
    }

    [Fact]
    public void Replicas_ShouldNotReplicateContinuously_WhileThePartnerHostIsDown()
    {
        _stretch.RunOn(null, $"Restart-Computer -ComputerName {_stretch.Node(3)} -Force");

        var statuses = _stretch.RunOn(null, $"(Get-SRGroup -ComputerName {_stretch.Node(1)}).Replicas | ForEach-Object {{ $_.ReplicationStatus }}");

        statuses.Select(s => s.ToString()).Should().NotBeEmpty().And.NotContain("ContinuouslyReplicating");
    }

    [Fact]
    public void ShippedStretchReadyCheck_ShouldPass_OnAHealthyStretchedCluster()
    {
        ShippedStepScript.Of("22h2-to-23h2/cau.yaml", "replication-continuous").Passes(_stretch, _stretch.Node(1)).Should().BeTrue();
    }

    [Fact]
    public void ShippedStretchGuard_ShouldRefuse24H2_OnAStretchedCluster()
    {
        ShippedStepScript.Of("fragments/guards.yaml", "stretch-not-24h2").Passes(_stretch, _stretch.Node(1)).Should().BeFalse();
    }
}
