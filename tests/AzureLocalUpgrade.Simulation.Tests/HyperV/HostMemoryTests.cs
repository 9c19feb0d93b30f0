using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Scenarios;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.HyperV;

public sealed class HostMemoryTests : IDisposable
{
    private const long VmBytes = 8L * 1024 * 1024 * 1024;

    // The health gate's room-for-roles script (runbooks/fragments/health-gate.yaml, on the orchestrator), with $Node and $ClusterName bound first.
    private const string RoomCheck = """
        $needed = 0
        Get-VM -ComputerName $Node | Where-Object State -eq 'Running' | ForEach-Object { $needed += $_.MemoryAssigned }
        $free = 0
        Get-ClusterNode -Cluster $ClusterName | Where-Object { $_.Name -ne $Node -and $_.State -eq 'Up' } | ForEach-Object {
          $host_ = Get-VMHost -ComputerName $_.Name
          $used = 0
          Get-VM -ComputerName $_.Name | Where-Object State -eq 'Running' | ForEach-Object { $used += $_.MemoryAssigned }
          $free += $host_.MemoryCapacity - $used
        }
        $free -ge $needed
        """;

    private SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void GetVmWithComputerName_ShouldListThatHostsVms_FromAnySession()
    {
        var names = _sim.RunOn(null, $"Get-VM -ComputerName {_sim.Node(2)} | ForEach-Object Name");

        names.Select(n => n.BaseObject).Should().Equal("vm-2a", "vm-2b");
    }

    [Fact]
    public void RunningVm_ShouldReportItsMemory_AndAStoppedOneNone()
    {
        _sim.RunOn(_sim.Node(1), "Stop-VM -Name vm-1b -Force");

        var memory = _sim.RunOn(null, $"Get-VM -ComputerName {_sim.Node(1)} | ForEach-Object MemoryAssigned");

        memory.Select(m => m.BaseObject).Should().Equal(VmBytes, 0L);
    }

    [Fact]
    public void GetVmHostOnTheOrchestrator_WithoutComputerName_ShouldFail_SayingItIsNotAHost()
    {
        var act = () => _sim.RunOn(null, "Get-VMHost");

        act.Should().Throw<RuntimeException>().Which.Message.Should().Contain("-ComputerName");
    }

    [Fact]
    public void GetVmHostOfARestartingNode_ShouldFail_NamingIt()
    {
        _sim.RunOn(null, $"Restart-Computer -ComputerName {_sim.Node(3)} -Force");

        var act = () => _sim.RunOn(null, $"Get-VMHost -ComputerName {_sim.Node(3)}");

        act.Should().Throw<RuntimeException>().Which.Message.Should().Contain(_sim.Node(3));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(2, false)]
    public void HealthGateRoomCheck_ShouldPredictWhetherTheDrainFindsRoom(int vmsPerNode, bool room)
    {
        Recreate(vmsPerNode);

        var verdict = _sim.RunOn(null, $"$Node = '{_sim.Node(1)}'; $ClusterName = 'hci01'\n{RoomCheck}").Single().BaseObject;
        var drain = () => _sim.RunOn(_sim.Node(1), $"Suspend-ClusterNode -Name {_sim.Node(1)} -Drain -Wait");

        verdict.Should().Be(room);
        if (room)
        {
            drain.Should().NotThrow();
        }
        else
        {
            drain.Should().Throw<RuntimeException>();
        }
    }

    private void Recreate(int vmsPerNode)
    {
        var scenario = FaultScenario.Parse(
            $"""
            apiVersion: azurelocal.upgrade/v1
            kind: SimulationScenario
            name: limited-{vmsPerNode}
            faults:
              - kind: limitedVmCapacity
                vmsPerNode: {vmsPerNode}
            """,
            "limited.yaml");
        scenario.Errors.Should().BeEmpty();
        _sim.Dispose();
        _sim = new SimulatorHarness(scenario: scenario.Scenario);
    }
}
