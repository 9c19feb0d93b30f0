using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Cluster;

public sealed class NodeMaintenanceTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void Drain_ShouldMoveEveryGroupOffTheNode_AndPauseIt()
    {
        var node = _sim.Node(1);

        _sim.RunOn(node, $"Suspend-ClusterNode -Name {node} -Drain -Wait");

        var owned = _sim.RunOn(node, $"Get-ClusterGroup | Where-Object OwnerNode -eq '{node}'");
        owned.Should().BeEmpty();
        var state = _sim.RunOn(node, $"(Get-ClusterNode -Name {node}).State.ToString()");
        state.Single().BaseObject.Should().Be("Paused");
        var vms = _sim.RunOn(_sim.Node(2), "Get-VM | ForEach-Object Name");
        vms.Select(v => v.BaseObject).Should().Contain(["vm-2a", "vm-2b"]);
    }

    [Fact]
    public void Drain_WithoutWait_ShouldBeInProgressUntilTheDrainTimePasses()
    {
        var node = _sim.Node(1);
        _sim.RunOn(null, $"Suspend-ClusterNode -Name {node} -Drain");
        _sim.Cluster.Snapshot().Node(node).DrainStatus.Should().Be(NodeDrainStatus.InProgress);

        _sim.Cluster.AdvanceTime(SimulationTimings.Drain);

        _sim.Cluster.Snapshot().Node(node).DrainStatus.Should().Be(NodeDrainStatus.Completed);
    }

    [Fact]
    public void Drain_WhenNoOtherNodeIsUp_ShouldFail_AndLeaveTheRolesOnThePausedNode()
    {
        _sim.RunOn(null, $"Suspend-ClusterNode -Name {_sim.Node(2)} -Drain -Wait; Suspend-ClusterNode -Name {_sim.Node(3)} -Drain -Wait");

        var act = () => _sim.RunOn(null, $"Suspend-ClusterNode -Name {_sim.Node(1)} -Drain -Wait");

        act.Should().Throw<Exception>().Which.Message.Should().Contain("no other node is Up");
        _sim.Cluster.Snapshot().Node(_sim.Node(1)).DrainStatus.Should().Be(NodeDrainStatus.Failed);
    }

    [Fact]
    public void ForceDrain_WhenNoOtherNodeIsUp_ShouldStillEmptyTheNode()
    {
        _sim.RunOn(null, $"Suspend-ClusterNode -Name {_sim.Node(2)} -Drain -Wait; Suspend-ClusterNode -Name {_sim.Node(3)} -Drain -Wait");

        _sim.RunOn(null, $"Suspend-ClusterNode -Name {_sim.Node(1)} -Drain -ForceDrain -Wait");

        _sim.RunOn(null, $"Get-ClusterGroup | Where-Object OwnerNode -eq '{_sim.Node(1)}'").Should().BeEmpty();
    }

    [Fact]
    public void ResumeWithImmediateFailback_ShouldBringThePreferredGroupsBack()
    {
        var node = _sim.Node(1);
        _sim.RunOn(null, $"Suspend-ClusterNode -Name {node} -Drain -Wait");

        _sim.RunOn(null, $"Resume-ClusterNode -Name {node} -Failback Immediate");

        var owners = _sim.RunOn(null, "Get-ClusterGroup -Name vm-1a, vm-1b | ForEach-Object OwnerNode");
        owners.Select(o => o.BaseObject).Should().OnlyContain(o => (string)o == node);
    }

    [Fact]
    public void StorageRepair_ShouldAppearWhenARestartedNodeReturns_AndFinishLater()
    {
        var node = _sim.Node(1);
        _sim.RunOn(null, $"Restart-Computer -ComputerName {node} -Force -Wait");

        var jobs = _sim.RunOn(null, "Get-StorageJob | Where-Object JobState -ne 'Completed' | ForEach-Object Name");
        jobs.Select(j => j.BaseObject).Should().Equal("Repair");
        _sim.RunOn(null, "(Get-VirtualDisk -FriendlyName Volume01).OperationalStatus").Single().BaseObject.Should().Be("InService");

        _sim.Cluster.AdvanceTime(TimeSpan.FromHours(3));

        _sim.RunOn(null, "Get-StorageJob").Should().BeEmpty();
        _sim.RunOn(null, "(Get-VirtualDisk -FriendlyName Volume01).HealthStatus").Single().BaseObject.Should().Be("Healthy");
    }

    [Fact]
    public void DisabledClusterService_ShouldKeepTheNodeDownAfterReboot_UntilStartCluster()
    {
        _sim.RunOn(null, "Stop-Cluster -Force");
        foreach (var node in _sim.Inventory.Nodes)
        {
            _sim.RunOn(node.Name, "Set-Service -Name clussvc -StartupType Disabled; Restart-Computer -Force");
        }

        _sim.Cluster.AdvanceTime(SimulationTimings.Boot);
        _sim.Cluster.Snapshot().Nodes.Should().OnlyContain(n => n.State == ClusterNodeState.Down && n.Reachable);

        foreach (var node in _sim.Inventory.Nodes)
        {
            _sim.RunOn(node.Name, "Set-Service -Name clussvc -StartupType Automatic");
        }

        _sim.RunOn(null, $"Start-Cluster -Name {_sim.Node(1)}");
        _sim.Cluster.Snapshot().Nodes.Should().OnlyContain(n => n.State == ClusterNodeState.Up);
        _sim.Cluster.Snapshot().MaxNodesDownAtOnce.Should().Be(3);
    }
}
