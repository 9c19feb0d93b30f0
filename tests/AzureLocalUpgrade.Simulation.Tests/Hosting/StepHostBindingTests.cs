using System.Security;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.PowerShell.Hosting;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>How values reach a step script: bound, never spliced; each step in its own scope; secrets as SecureString.</summary>
public sealed class StepHostBindingTests : IAsyncDisposable
{
    private readonly PowerShellStepHost _host = new(new LocalRunspaceConnector(), ExecutionClock.System);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("n1'; Remove-Item x; '")]
    [InlineData("$(throw 'injected')")]
    [InlineData("\"; throw 'injected'; \"")]
    public async Task ValueWithPowerShellSyntax_ShouldArriveLiterally_NeverExecuted(string node)
    {
        var result = await Run("$Node", Invocations.Parameters(("Node", node)));

        result.Outcome.Should().Be(ScriptOutcome.Succeeded);
        result.Output.Should().Equal(node);
    }

    [Fact]
    public async Task StepWithParamBlock_ShouldGetTheValuesItDeclares_BoundByName()
    {
        var result = await Run(
            "param([string] $Node, $ClusterName) \"$ClusterName/$Node\"",
            Invocations.Parameters(("Node", "n1"), ("ClusterName", "hci01"), ("Nodes", new[] { "n1", "n2" })));

        result.Outcome.Should().Be(ScriptOutcome.Succeeded);
        result.Output.Should().Equal("hci01/n1");
    }

    [Fact]
    public async Task AdvancedStep_ShouldNotFail_OnValuesItDoesNotDeclare()
    {
        var result = await Run(
            "[CmdletBinding()] param($Node) $Node",
            Invocations.Parameters(("Node", "n1"), ("ClusterName", "hci01")));

        result.Outcome.Should().Be(ScriptOutcome.Succeeded);
        result.Output.Should().Equal("n1");
    }

    [Fact]
    public async Task Params_ShouldBeAHashtable_ReadableByMemberName()
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["setupMedia"] = @"D:\media", ["wuConnected"] = true };

        var result = await Run("$Params.setupMedia; $Params.wuConnected", Invocations.Parameters(("Params", parameters)));

        result.Output.Should().Equal(@"D:\media", true);
    }

    [Fact]
    public async Task VariableSetByOneStep_ShouldNotBeVisibleToTheNext()
    {
        await Run("$leftover = 'from step 1'; $global:ignored = $null");

        var result = await Run("$null -eq $leftover");

        result.Output.Should().Equal(true);
    }

    [Fact]
    public async Task FunctionDefinedByOneStep_ShouldNotBeVisibleToTheNext()
    {
        await Run("function Get-Leftover { 'from step 1' }");

        var result = await Run("$null -eq (Get-Command Get-Leftover -ErrorAction SilentlyContinue)");

        result.Output.Should().Equal(true);
    }

    [Fact]
    public async Task WrapperVariables_ShouldNotBeVisibleToTheStep()
    {
        var result = await Run("$null -eq $__AluScript -and $null -eq $__AluStep -and $null -eq $__AluBound");

        result.Output.Should().Equal(true);
    }

    [Fact]
    public async Task SecretParameter_ShouldArriveAsSecureString()
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["adminPassword"] = new SecretValue("P@ss-w0rd!") };

        var result = await Run("$Params.adminPassword", Invocations.Parameters(("Params", parameters)));

        result.Output.Should().ContainSingle().Which.Should().BeOfType<SecureString>();
    }

    [Fact]
    public async Task SecretParameter_ShouldKeepItsValue_ForCommandsThatUnwrapIt()
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["adminPassword"] = new SecretValue("P@ss-w0rd!") };

        var result = await Run(
            "[System.Net.NetworkCredential]::new('', $Params.adminPassword).Password.Length",
            Invocations.Parameters(("Params", parameters)));

        result.Output.Should().Equal("P@ss-w0rd!".Length);
    }

    [Theory]
    [InlineData("[System.Net.NetworkCredential]::new('', $Inputs.token).Password")]
    [InlineData("Write-AluLog ([System.Net.NetworkCredential]::new('', $Inputs.token).Password)")]
    [InlineData("Write-AluLog -Level Warning \"token is $([System.Net.NetworkCredential]::new('', $Inputs.token).Password)\"")]
    [InlineData("throw \"bad token $([System.Net.NetworkCredential]::new('', $Inputs.token).Password)\"")]
    public async Task SecretEchoedByTheScript_ShouldBeRedactedFromEveryChannel(string script)
    {
        var inputs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["token"] = new SecretValue("s3cr3t-T0ken") };

        var result = await Run(script, Invocations.Parameters(("Inputs", inputs)));

        var everything = result.Output.Select(o => o?.ToString())
            .Concat(result.Records.Select(r => r.Message))
            .Append(result.ErrorMessage);
        everything.Should().NotContain(text => text != null && text.Contains("s3cr3t-T0ken"));
        everything.Should().Contain(text => text != null && text.Contains(SecretValue.Mask));
    }

    private Task<ScriptResult> Run(string script, IReadOnlyDictionary<string, object?>? parameters = null) =>
        _host.InvokeAsync(Invocations.Of(script, parameters: parameters), CancellationToken.None);
}
