using System.Management.Automation;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.PowerShell.Targets;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Sessions;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Sessions;

public sealed class SessionTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void UnknownCommand_ShouldFailWithCommandNotFound_NamingTheCommand()
    {
        var act = () => _sim.RunOn(_sim.Node(1), "Get-ClusterQuorumWitness");

        act.Should().Throw<CommandNotFoundException>().Which.Message.Should().Contain("Get-ClusterQuorumWitness");
    }

    [Fact]
    public void EverySimulatorCommand_ShouldResolveToTheSimulatorCmdlet_ExceptTheSolutionsOwnOnAPlainOsNode()
    {
        var names = _sim.RunOn(_sim.Node(1), "Get-Command -CommandType Cmdlet | ForEach-Object { $_.ImplementingType.Namespace } | Where-Object { $_ -like 'AzureLocalUpgrade.Simulation*' }");

        names.Should().HaveCount(SimulatorCommands.Names.Count - SimulatorCommands.SolutionOnlyNames.Count);
    }

    [Fact]
    public void Restart_ShouldBreakTheSession_AndRefuseNewSessionsUntilTheNodeIsBack()
    {
        var node = _sim.Node(1);
        var session = _sim.Open(node);

        SimulatorHarness.Run(session, "Restart-Computer -Force");

        _sim.Connector.IsAlive(StepTarget.OnNode(node), session).Should().BeFalse();
        var reopen = () => _sim.Open(node);
        reopen.Should().Throw<TargetUnreachableException>();
    }

    [Fact]
    public void Restart_ShouldLetTheNodeReturn_AfterItsBootTimeOfVirtualTime()
    {
        var node = _sim.Node(1);
        _sim.RunOn(node, "Restart-Computer -Force");

        _sim.Cluster.AdvanceTime(SimulationTimings.Boot);

        var session = _sim.Open(node);
        _sim.Connector.IsAlive(StepTarget.OnNode(node), session).Should().BeTrue();
        _sim.Cluster.Snapshot().Node(node).State.Should().Be(Model.ClusterNodeState.Up);
    }

    [Fact]
    public void CommandInABrokenSession_ShouldFailSayingTheSessionIsBroken()
    {
        var node = _sim.Node(1);
        var session = _sim.Open(node);
        _sim.RunOn(_sim.Node(2), $"Restart-Computer -ComputerName {node} -Force -Wait");

        var act = () => SimulatorHarness.Run(session, "Get-Service clussvc");

        act.Should().Throw<RuntimeException>().Which.Message.Should().Contain("broken");
    }

    [Fact]
    public void OrchestratorSession_ShouldStayAlive_AndRefuseNodeLocalCommands()
    {
        var session = _sim.Open(null);

        _sim.Connector.IsAlive(StepTarget.Orchestrator, session).Should().BeTrue();
        var act = () => SimulatorHarness.Run(session, "Get-Service clussvc");
        act.Should().Throw<RuntimeException>().Which.Message.Should().Contain("node session");
    }

    [Fact]
    public async Task SimulationClock_DelayAsync_ShouldAdvanceVirtualTimeAtOnce()
    {
        var before = _sim.Cluster.Clock.UtcNow;

        await _sim.Cluster.Clock.DelayAsync(TimeSpan.FromHours(3), CancellationToken.None);

        (_sim.Cluster.Clock.UtcNow - before).Should().Be(TimeSpan.FromHours(3));
    }
}
