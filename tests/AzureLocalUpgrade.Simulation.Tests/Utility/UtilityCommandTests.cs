using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Simulation.Sessions;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Utility;

/// <summary>The Microsoft.PowerShell.Utility cmdlets a simulated session provides, as runbook scripts use them.</summary>
public sealed class UtilityCommandTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Theory]
    [InlineData("Write-Output 1 2 3", "1,2,3")]
    [InlineData("Write-Output -NoEnumerate @(1, 2) | ForEach-Object { $_.Count }", "2")]
    [InlineData("@(3, 1, 2) | Sort-Object", "1,2,3")]
    [InlineData("@(3, 1, 2) | Sort-Object -Descending", "3,2,1")]
    [InlineData("@('b', 'A', 'a', 'c') | Sort-Object -Unique", "A,b,c")]
    [InlineData("Get-ClusterNode | Sort-Object Name -Descending | Select-Object -First 1 -ExpandProperty Name", "hci01-n3")]
    [InlineData("Get-ClusterNode | Sort-Object -Property @{ Expression = 'Name'; Descending = $true } -Top 2 | ForEach-Object Name", "hci01-n3,hci01-n2")]
    [InlineData("@(1, 2, 2, 3) | Select-Object -Unique", "1,2,3")]
    [InlineData("@(1, 2, 3, 4) | Select-Object -Skip 1 -Last 2", "3,4")]
    [InlineData("Get-ClusterNode | Select-Object Name, @{ n = 'Up'; e = { $_.State -eq 'Up' } } -First 1 | ForEach-Object { \"$($_.Name)=$($_.Up)\" }", "hci01-n1=True")]
    [InlineData("Get-ClusterNode | Select-Object -Property Na* -Last 1 | ForEach-Object Name", "hci01-n3")]
    [InlineData("(Get-VM | Measure-Object -Property MemoryAssigned -Sum).Sum", "51539607552")]
    [InlineData("@(1, 5, 3) | Measure-Object -Maximum -Minimum -Average | ForEach-Object { \"$($_.Count) $($_.Minimum) $($_.Maximum) $($_.Average)\" }", "3 1 5 3")]
    [InlineData("(Get-ClusterNode | Measure-Object).Count", "3")]
    [InlineData("[ordered]@{ a = 1; b = @(1, 'x'); c = $null; d = $true } | ConvertTo-Json -Compress", "{\"a\":1,\"b\":[1,\"x\"],\"c\":null,\"d\":true}")]
    [InlineData("[pscustomobject]@{ n = 'x'; inner = [pscustomobject]@{ deep = [pscustomobject]@{ v = 1 } } } | ConvertTo-Json -Compress -Depth 1 -WarningAction SilentlyContinue", "{\"n\":\"x\",\"inner\":{\"deep\":\"@{v=1}\"}}")]
    [InlineData("1, 2 | ConvertTo-Json -Compress", "[1,2]")]
    [InlineData("Write-Warning 'mind the gap' 3>&1 | ForEach-Object Message", "mind the gap")]
    [InlineData("Write-Host 'a' 'b' 6>&1 | ForEach-Object { $_.MessageData.Message + '|' + ($_.Tags -join ',') }", "a b|PSHOST")]
    [InlineData("Write-Information 'note' -Tags t1 6>&1 | ForEach-Object { \"$($_.MessageData)|$($_.Tags)\" }", "note|t1")]
    public void Script_ShouldProduce(string script, string expected)
    {
        var output = _sim.RunOn(null, script);

        string.Join(",", output.Select(o => o.BaseObject.ToString())).Should().Be(expected);
    }

    [Fact]
    public void MeasuringTextAsANumber_ShouldFail_NamingTheValue()
    {
        var act = () => _sim.RunOn(null, "Get-ClusterNode | Measure-Object -Property Name -Sum");

        act.Should().Throw<RuntimeException>().Which.Message.Should().Contain("hci01-n1").And.Contain("not numeric");
    }

    [Fact]
    public void WriteError_ShouldStopAScriptThatStopsOnErrors_WithItsMessage()
    {
        var act = () => _sim.RunOn(null, "Write-Error 'the pool is degraded'");

        act.Should().Throw<RuntimeException>().Which.Message.Should().EndWith("the pool is degraded");
    }

    [Fact]
    public void StartSleep_ShouldPassVirtualTime_AsGetDateSees()
    {
        var before = _sim.Cluster.Now;

        var minutes = _sim.RunOn(null, "$a = Get-Date; Start-Sleep -Seconds 600; ((Get-Date) - $a).TotalMinutes").Single().BaseObject;

        minutes.Should().Be(10.0);
        (_sim.Cluster.Now - before).Should().Be(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void GetDate_ShouldBeTheClustersVirtualTime()
    {
        var now = (DateTime)_sim.RunOn(null, "Get-Date -AsUTC").Single().BaseObject;

        now.Should().Be(_sim.Cluster.Now.UtcDateTime);
    }

    [Fact]
    public void UtilityFallback_ShouldGiveWayToACommandTheBaseStateAlreadyHas()
    {
        var state = SimulatorHarness.BaseState();
        state.Commands.Add(new SessionStateFunctionEntry("Select-Object", "'the real one'"));

        var output = RunWith(state, "Select-Object");

        output.Should().Be("the real one");
    }

    [Fact]
    public void VirtualTimeCommands_ShouldReplaceTheBaseStatesOwn()
    {
        var state = SimulatorHarness.BaseState();
        state.Commands.Add(new SessionStateFunctionEntry("Get-Date", "'wall clock'"));

        var output = RunWith(state, "(Get-Date).GetType().Name");

        output.Should().Be(nameof(DateTime));
    }

    private string RunWith(InitialSessionState baseState, string script)
    {
        using var runspace = RunspaceFactory.CreateRunspace(SimulatorCommands.CreateSessionState(baseState, new SimulationContext(_sim.Cluster, null, 0)));
        runspace.Open();
        return SimulatorHarness.Run(runspace, script).Single().BaseObject.ToString()!;
    }
}
