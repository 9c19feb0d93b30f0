using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Persistence;

/// <summary>
/// simulation.json across runs: a later run finds the cluster as the last one left it, a killed writer never
/// corrupts it, and two writers never lose each other's changes. A second SimulatedCluster instance has its own
/// file handles, so it contends for the lock exactly as a second alu process does.
/// </summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void LaterRun_ShouldFindTheClusterAsTheLastRunLeftIt()
    {
        _sim.RunOn(null, $"Suspend-ClusterNode -Name {_sim.Node(2)} -Drain -Wait; Restart-Computer -ComputerName {_sim.Node(2)} -Force");
        var before = _sim.Cluster.ExportJson();

        var reopened = SimulatedCluster.OpenOrCreate(_sim.Inventory, _sim.StateDir, scenario: null);

        reopened.ExportJson().Should().Be(before);
        reopened.Snapshot().Node(_sim.Node(2)).Should().Match<NodeSnapshot>(n => n.State == ClusterNodeState.Down && n.Drains == 1 && n.Reboots == 1);
    }

    [Fact]
    public void ChangeByAnotherInstance_ShouldBeSeenByThisOne()
    {
        var other = SimulatedCluster.OpenOrCreate(_sim.Inventory, _sim.StateDir, scenario: null);

        other.AdvanceTime(TimeSpan.FromHours(1));

        _sim.Cluster.Now.Should().Be(other.Now);
    }

    [Fact]
    public void TwoWritersAtOnce_ShouldNeverLoseAChange()
    {
        var other = SimulatedCluster.OpenOrCreate(_sim.Inventory, _sim.StateDir, scenario: null);
        var start = _sim.Cluster.Now;

        Parallel.For(0, 100, i => (i % 2 == 0 ? _sim.Cluster : other).AdvanceTime(TimeSpan.FromMinutes(1)));

        (_sim.Cluster.Now - start).Should().Be(TimeSpan.FromMinutes(100));
    }

    [Fact]
    public void StateFolderRemovedWhileTheClusterIsOpen_ShouldBeCreatedAgain_AtTheNextChange()
    {
        var folder = Path.GetDirectoryName(_sim.Cluster.StateFilePath)!;
        var start = _sim.Cluster.Now;
        Directory.Delete(folder, recursive: true);

        _sim.Cluster.AdvanceTime(TimeSpan.FromMinutes(5));

        File.Exists(_sim.Cluster.StateFilePath).Should().BeTrue();
        SimulatedCluster.OpenOrCreate(_sim.Inventory, _sim.StateDir, scenario: null).Now.Should().Be(start + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void WriterKilledBeforeItsRename_ShouldLeaveTheLastCompleteState_AndItsTempFileIsRemoved()
    {
        var saved = _sim.Cluster.ExportJson();
        var stray = _sim.Cluster.StateFilePath + ".4242.0123456789abcdef.tmp";
        File.WriteAllText(stray, "{\"SchemaVersion\": 1, \"Clus");

        var reopened = SimulatedCluster.OpenOrCreate(_sim.Inventory, _sim.StateDir, scenario: null);

        reopened.ExportJson().Should().Be(saved);
        File.Exists(stray).Should().BeFalse();
    }

    [Fact]
    public void ReadSnapshot_ShouldGiveWhatStatusShows_PerNodeAndForTheCluster()
    {
        _sim.RunOn(null, $"Suspend-ClusterNode -Name {_sim.Node(1)} -Drain -Wait");

        var snapshot = SimulatedCluster.ReadSnapshot(_sim.StateDir, _sim.Inventory.Name);

        snapshot!.Nodes.Select(n => (n.Name, n.Build.ToString(), n.State, n.Drains, n.Reboots, n.FeatureUpdatesApplied))
            .Should().Equal(
                (_sim.Node(1), "20349.3692", ClusterNodeState.Paused, 1, 0, 0),
                (_sim.Node(2), "20349.3692", ClusterNodeState.Up, 0, 0, 0),
                (_sim.Node(3), "20349.3692", ClusterNodeState.Up, 0, 0, 0));
        snapshot.MaxNodesDownAtOnce.Should().Be(1);
    }

    [Fact]
    public void ReadSnapshot_ShouldBeNull_ForAClusterNeverSimulated()
    {
        SimulatedCluster.ReadSnapshot(_sim.StateDir, "no-such-cluster").Should().BeNull();
    }

    [Fact]
    public void Reset_ShouldStartAfreshFromTheInventory_ForEveryInstance()
    {
        _sim.RunOn(null, $"Suspend-ClusterNode -Name {_sim.Node(1)} -Drain -Wait");

        SimulatedCluster.Reset(_sim.Inventory, _sim.StateDir, scenario: null);

        var snapshot = _sim.Cluster.Snapshot();
        snapshot.Nodes.Should().OnlyContain(n => n.State == ClusterNodeState.Up && n.Drains == 0);
        snapshot.MaxNodesDownAtOnce.Should().Be(0);
    }
}
