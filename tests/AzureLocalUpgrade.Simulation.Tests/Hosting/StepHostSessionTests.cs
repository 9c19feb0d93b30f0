using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.PowerShell.Hosting;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>Runspaces scale with targets, not steps; steps on one target take turns.</summary>
public sealed class StepHostSessionTests : IAsyncDisposable
{
    private readonly LocalRunspaceConnector _connector = new();
    private readonly PowerShellStepHost _host;

    public StepHostSessionTests() => _host = new PowerShellStepHost(_connector, ExecutionClock.System);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task TenStepsOnTwoTargets_ShouldOpenTwoRunspaces()
    {
        var targets = new[] { StepTarget.OnNode("n1"), StepTarget.OnNode("n2") };

        for (var step = 0; step < 10; step++)
        {
            var result = await _host.InvokeAsync(Invocations.Of("$Node", targets[step % 2]), CancellationToken.None);
            result.Outcome.Should().Be(ScriptOutcome.Succeeded);
        }

        _host.RunspacesOpened.Should().Be(2);
        _connector.Opened.Should().BeEquivalentTo(targets);
    }

    [Fact]
    public async Task ClusterTargetOnANode_ShouldHaveItsOwnSession_ApartFromNodeSteps()
    {
        await _host.InvokeAsync(Invocations.Of("1", StepTarget.OnNode("n1")), CancellationToken.None);

        await _host.InvokeAsync(Invocations.Of("1", new StepTarget(TargetKind.Cluster, "n1")), CancellationToken.None);

        _host.RunspacesOpened.Should().Be(2);
    }

    [Fact]
    public async Task ConcurrentStepsOnOneTarget_ShouldAllSucceed_OneAfterAnother()
    {
        var steps = Enumerable.Range(1, 8)
            .Select(i => _host.InvokeAsync(Invocations.Of($"$n = {i}; 1..200 | ForEach-Object {{ $n += 0 }}; $n", StepTarget.OnNode("n1")), CancellationToken.None));

        var results = await Task.WhenAll(steps);

        results.Should().OnlyContain(r => r.Outcome == ScriptOutcome.Succeeded);
        results.Select(r => r.Output.Single()).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        _host.RunspacesOpened.Should().Be(1);
    }

    [Fact]
    public async Task Dispose_ShouldCloseEveryRunspace()
    {
        var host = new PowerShellStepHost(_connector, ExecutionClock.System);
        await host.InvokeAsync(Invocations.Of("1", StepTarget.OnNode("n1")), CancellationToken.None);

        await host.DisposeAsync();

        var act = () => host.InvokeAsync(Invocations.Of("1", StepTarget.OnNode("n1")), CancellationToken.None);
        await act.Should().ThrowAsync<ObjectDisposedException>();
    }
}
