using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.PowerShell.Hosting;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>Reboots against the simulated cluster: reconnect with backoff on virtual time, or Unreachable.</summary>
public sealed class StepHostReconnectTests : IAsyncDisposable
{
    private readonly SimulatorHarness _sim;
    private readonly PowerShellStepHost _host;

    public StepHostReconnectTests()
        : this(null)
    {
    }

    private StepHostReconnectTests(string? scenario)
    {
        _sim = new SimulatorHarness(scenario: scenario is null ? null : Samples.Scenario(scenario));
        _host = new PowerShellStepHost(_sim.Connector, _sim.Cluster.Clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _sim.Dispose();
    }

    [Fact]
    public async Task StepAfterARestart_ShouldReconnectOnceTheNodeIsBack()
    {
        var node = StepTarget.OnNode(_sim.Node(1));
        (await Run(node, "Restart-Computer -Force")).Outcome.Should().Be(ScriptOutcome.Succeeded);

        var result = await Run(node, "(Get-ClusterNode -Name $Node).Name", TimeSpan.FromMinutes(20));

        result.Outcome.Should().Be(ScriptOutcome.Succeeded);
        result.Output.Should().Equal(_sim.Node(1));
        _host.RunspacesOpened.Should().Be(2);
    }

    [Fact]
    public async Task WaitingForARestartedNode_ShouldPassVirtualTime_NotWallTime()
    {
        var node = StepTarget.OnNode(_sim.Node(1));
        await Run(node, "Restart-Computer -Force");
        var before = _sim.Cluster.Now;

        await Run(node, "1", TimeSpan.FromMinutes(20));

        (_sim.Cluster.Now - before).Should().BeGreaterThanOrEqualTo(SimulationTimings.Boot);
    }

    [Fact]
    public async Task RestartInTheMiddleOfAStep_ShouldReportUnreachable_WithoutRerunningIt()
    {
        var node = StepTarget.OnNode(_sim.Node(1));

        var result = await Run(node, "Restart-Computer -Force; Get-Service clussvc");

        result.Outcome.Should().Be(ScriptOutcome.Unreachable);
        result.ErrorMessage.Should().Contain("broke during the step").And.Contain("not re-run");
        _host.RunspacesOpened.Should().Be(1);
    }

    [Fact]
    public async Task NodeThatNeverReturns_ShouldBeUnreachable_AfterTheReconnectTimeout()
    {
        await using var test = new StepHostReconnectTests("node-never-returns");
        var node = StepTarget.OnNode(test._sim.Node(2));
        await test.Run(node, "Restart-Computer -Force");
        var before = test._sim.Cluster.Now;

        var result = await test.Run(node, "1", TimeSpan.FromMinutes(20));

        result.Outcome.Should().Be(ScriptOutcome.Unreachable);
        result.ErrorMessage.Should().Contain(test._sim.Node(2));
        (test._sim.Cluster.Now - before).Should().Be(TimeSpan.FromMinutes(20));
    }

    [Fact]
    public async Task OtherNodes_ShouldStayReachable_WhileOneIsRestarting()
    {
        await Run(StepTarget.OnNode(_sim.Node(1)), "Restart-Computer -Force");

        var result = await Run(StepTarget.OnNode(_sim.Node(2)), "$Node", TimeSpan.Zero);

        result.Outcome.Should().Be(ScriptOutcome.Succeeded);
    }

    private Task<ScriptResult> Run(StepTarget target, string script, TimeSpan? reconnectTimeout = null) =>
        _host.InvokeAsync(
            Invocations.Of(script, target, Invocations.Parameters(("Node", target.Node)), reconnectTimeout: reconnectTimeout ?? TimeSpan.Zero),
            CancellationToken.None);
}
