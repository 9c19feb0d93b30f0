using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// The fast offline method (seed 001, method 2) against the reference: Start-Cluster needs a node name once every
/// node is stopped (Start-Cluster.md, example 2); clustered Storage Spaces Direct disks go offline through their
/// cluster resources (Stop-ClusterResource.md), not by detaching the virtual disk under the cluster (MSFT_VirtualDisk
/// Detach: "another computer controls its configuration"); and a storage pool that was offline for every node
/// missed no writes, so starting the cluster leaves only a short resync (seed 001: "give it a few minutes").
/// </summary>
public sealed class OfflineMethodTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Theory]
    [InlineData("Start-Cluster -Name hci01")]
    [InlineData("Start-Cluster")]
    public void StartCluster_WhenEveryNodeIsStopped_ShouldRefuseAnythingButANodeName(string script)
    {
        _sim.RunOn(null, "Stop-Cluster -Force");

        var act = () => _sim.RunOn(null, script);

        act.Should().Throw<Exception>().Which.Message.Should().Contain("node name");
        _sim.Cluster.Snapshot().Nodes.Should().OnlyContain(n => n.State == ClusterNodeState.Down);
    }

    [Fact]
    public void StartCluster_WithANodeName_ShouldStartEveryNode()
    {
        _sim.RunOn(null, "Stop-Cluster -Force");

        _sim.RunOn(_sim.Node(1), $"Start-Cluster -Name {_sim.Node(1)}");

        _sim.Cluster.Snapshot().Nodes.Should().OnlyContain(n => n.State == ClusterNodeState.Up);
    }

    [Fact]
    public void StartCluster_WithTheClusterName_ShouldWork_WhileTheClusterRuns()
    {
        _sim.RunOn(_sim.Node(2), "Stop-Service -Name clussvc");

        _sim.RunOn(null, "Start-Cluster -Name hci01");

        _sim.Cluster.Snapshot().Nodes.Should().OnlyContain(n => n.State == ClusterNodeState.Up);
    }

    [Fact]
    public void DisconnectVirtualDisk_OnAClusteredDisk_ShouldBeRefused_AndLeaveItOnline()
    {
        var act = () => _sim.RunOn(_sim.Node(1), "Disconnect-VirtualDisk -FriendlyName Volume01");

        act.Should().Throw<Exception>().Which.Message.Should().Contain("Stop-ClusterResource");
        _sim.RunOn(null, "(Get-ClusterSharedVolume -Name 'Cluster Virtual Disk (Volume01)').State").Single().BaseObject.Should().Be("Online");
    }

    [Fact]
    public void StopClusterResource_OnACsv_ShouldTakeItsVirtualDiskOffline_UntilStartClusterResource()
    {
        _sim.RunOn(_sim.Node(1), "Get-ClusterSharedVolume | ForEach-Object { Stop-ClusterResource -Name $_.Name }");

        _sim.RunOn(null, "Get-ClusterSharedVolume | ForEach-Object State").Select(s => s.BaseObject).Should().OnlyContain(s => (string)s == "Offline");
        _sim.RunOn(null, "(Get-VirtualDisk -FriendlyName Volume01).OperationalStatus").Single().BaseObject.Should().Be("Detached");

        _sim.RunOn(_sim.Node(1), "Get-ClusterSharedVolume | ForEach-Object { Start-ClusterResource -Name $_.Name }");

        _sim.RunOn(null, "Get-ClusterSharedVolume | ForEach-Object State").Select(s => s.BaseObject).Should().OnlyContain(s => (string)s == "Online");
    }

    [Fact]
    public void OfflineCsvs_ShouldStayOffline_AcrossAClusterStopAndStart()
    {
        _sim.RunOn(_sim.Node(1), "Get-ClusterSharedVolume | Stop-ClusterResource");
        _sim.RunOn(null, "Stop-Cluster -Force");

        _sim.RunOn(_sim.Node(1), $"Start-Cluster -Name {_sim.Node(1)}");

        _sim.RunOn(null, "Get-ClusterSharedVolume | ForEach-Object State").Select(s => s.BaseObject).Should().OnlyContain(s => (string)s == "Offline");
    }

    [Fact]
    public void StartingAStoppedCluster_Hours_Later_ShouldLeaveOnlyAShortResync()
    {
        _sim.RunOn(null, "Stop-Cluster -Force");
        _sim.Cluster.AdvanceTime(TimeSpan.FromHours(6));

        _sim.RunOn(_sim.Node(1), $"Start-Cluster -Name {_sim.Node(1)}");
        _sim.Cluster.AdvanceTime(TimeSpan.FromMinutes(10));

        _sim.RunOn(null, "Get-StorageJob").Should().BeEmpty();
        _sim.RunOn(null, "(Get-StoragePool -IsPrimordial $false).HealthStatus").Single().BaseObject.Should().Be("Healthy");
    }

    [Fact]
    public void ANodeDownWhileThePoolWasOnline_ShouldStillResyncWhatItMissedBeforeTheStop()
    {
        _sim.RunOn(_sim.Node(3), "Stop-Service -Name clussvc");
        _sim.Cluster.AdvanceTime(TimeSpan.FromHours(2));
        _sim.RunOn(null, "Stop-Cluster -Force");
        _sim.Cluster.AdvanceTime(TimeSpan.FromHours(6));

        _sim.RunOn(_sim.Node(1), $"Start-Cluster -Name {_sim.Node(1)}");
        _sim.Cluster.AdvanceTime(TimeSpan.FromMinutes(10));

        _sim.RunOn(null, "Get-StorageJob | ForEach-Object Name").Select(j => j.BaseObject).Should().Contain("Repair");
    }
}
