using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.PowerShell.Hosting;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>What a step's result says: failures, positions in the runbook, streams, timeouts and cancellation.</summary>
public sealed class StepHostOutcomeTests : IAsyncDisposable
{
    private readonly PowerShellStepHost _host = new(new LocalRunspaceConnector(), ExecutionClock.System);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task ThrowingScript_ShouldFail_WithoutRunningTheRestOfTheScript()
    {
        var result = await Run("'before'; throw 'boom'; 'after'");

        result.Outcome.Should().Be(ScriptOutcome.Failed);
        result.ErrorMessage.Should().Be("boom");
        result.Output.Should().Equal("before");
    }

    [Fact]
    public async Task NonTerminatingError_ShouldStopTheScript_AndFailIt()
    {
        var result = await Run(
            "[CmdletBinding()] param() $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new([Exception]::new('disk missing'), 'Disk', 'ObjectNotFound', $null)); 'after'");

        result.Outcome.Should().Be(ScriptOutcome.Failed);
        result.ErrorMessage.Should().Contain("disk missing");
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownCommand_ShouldFail_NamingTheCommand()
    {
        var result = await Run("Get-ClusterQuorumWitness");

        result.Outcome.Should().Be(ScriptOutcome.Failed);
        result.ErrorMessage.Should().Contain("Get-ClusterQuorumWitness");
    }

    [Fact]
    public async Task Failure_ShouldBePositionedInTheRunbookFile()
    {
        var text = Invocations.InBlock("$a = 1\n$b = 2\n  throw 'boom'\n");

        var result = await _host.InvokeAsync(Invocations.Of(text.Value, text: text), CancellationToken.None);

        result.ErrorPosition.Should().Be(SourceSpan.At("runbook.yaml", 13, 9));
    }

    [Fact]
    public async Task ScriptThatDoesNotParse_ShouldFail_AtTheParseErrorInTheRunbookFile()
    {
        var text = Invocations.InBlock("$a = 1\nif ($a {\n");

        var result = await _host.InvokeAsync(Invocations.Of(text.Value, text: text), CancellationToken.None);

        result.Outcome.Should().Be(ScriptOutcome.Failed);
        result.ErrorPosition.Line.Should().Be(12);
    }

    [Fact]
    public async Task Streams_ShouldBeCapturedInArrivalOrder()
    {
        var result = await Run("""
            [CmdletBinding()] param()
            Write-AluLog 'starting'
            Write-AluLog -Level Verbose 'detail'
            Write-AluLog -Level Warning 'careful'
            $PSCmdlet.WriteDebug('debugging')
            'output'
            """);

        result.Outcome.Should().Be(ScriptOutcome.Succeeded);
        result.Records.Should().Equal(
            new StreamRecord("information", "starting"),
            new StreamRecord("verbose", "detail"),
            new StreamRecord("warning", "careful"),
            new StreamRecord("debug", "debugging"));
        result.Output.Should().Equal("output");
    }

    [Fact]
    public async Task PowerShellsOwnWriteCommands_ShouldBeCapturedAsTheirStreams()
    {
        var result = await Run("""
            Write-Information 'starting'
            Write-Verbose 'detail'
            Write-Warning 'careful'
            Write-Output 'output'
            """);

        result.Outcome.Should().Be(ScriptOutcome.Succeeded);
        result.Records.Should().Equal(
            new StreamRecord("information", "starting"),
            new StreamRecord("verbose", "detail"),
            new StreamRecord("warning", "careful"));
        result.Output.Should().Equal("output");
    }

    [Fact]
    public async Task TerminatingError_ShouldAppearOnTheErrorStream()
    {
        var result = await Run("Write-AluLog 'first'; throw 'boom'");

        result.Records.Should().Equal(new StreamRecord("information", "first"), new StreamRecord("error", "boom"));
    }

    [Fact]
    public async Task CustomObjectOutput_ShouldKeepItsProperties()
    {
        var result = await Run("[pscustomobject]@{ Name = 'n1'; State = 'Up' }");

        result.Output.Should().ContainSingle().Which.Should().BeAssignableTo<IDictionary<string, object?>>()
            .Which.Should().Contain("State", "Up");
    }

    [Theory]
    [InlineData("$true", true)]
    [InlineData("$false", false)]
    [InlineData("@()", false)]
    [InlineData("'Up'", true)]
    public async Task LastOutputValue_ShouldAnswerChecks_ByPowerShellTruthiness(string script, bool expected)
    {
        var result = await Run(script);

        result.IsTrue.Should().Be(expected);
    }

    [Fact]
    public async Task EndlessScript_ShouldBeStoppedAtItsTimeout_AsTimedOut()
    {
        var result = await _host.InvokeAsync(Invocations.Of("while ($true) { }", timeout: TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        result.Outcome.Should().Be(ScriptOutcome.TimedOut);
    }

    [Fact]
    public async Task RunspaceStoppedByATimeout_ShouldRunTheNextStep()
    {
        await _host.InvokeAsync(Invocations.Of("while ($true) { }", timeout: TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        var result = await Run("'still usable'");

        result.Output.Should().Equal("still usable");
        _host.RunspacesOpened.Should().Be(1);
    }

    [Fact]
    public async Task Cancellation_ShouldStopTheRunningScript_AsCancelled()
    {
        await Run("'warm up: the runspace is open before the clock starts'");
        using var cancel = new CancellationTokenSource();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        var result = await _host.InvokeAsync(Invocations.Of("Write-AluLog 'started'; while ($true) { }"), cancel.Token);

        result.Outcome.Should().Be(ScriptOutcome.Cancelled);
        result.Records.Should().Contain(new StreamRecord("information", "started"));
    }

    [Fact]
    public async Task AlreadyCancelledToken_ShouldNotStartTheScript()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var result = await _host.InvokeAsync(Invocations.Of("while ($true) { }"), cancel.Token);

        result.Outcome.Should().Be(ScriptOutcome.Cancelled);
    }

    private Task<ScriptResult> Run(string script) => _host.InvokeAsync(Invocations.Of(script), CancellationToken.None);
}
