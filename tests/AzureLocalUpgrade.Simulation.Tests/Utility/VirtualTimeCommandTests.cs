using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.VirtualTime;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Utility;

/// <summary>
/// Start-Sleep and Get-Date are the simulator's in a simulated session (they follow the cluster's virtual time), with
/// exactly the parameters of Microsoft.PowerShell.Utility's own, so a script that works on a node works here too.
/// </summary>
public sealed class VirtualTimeCommandTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Theory]
    [InlineData(typeof(StartSleepCommand), typeof(Microsoft.PowerShell.Commands.StartSleepCommand))]
    [InlineData(typeof(GetDateCommand), typeof(Microsoft.PowerShell.Commands.GetDateCommand))]
    public void VirtualTimeCommand_ShouldTakeExactlyTheRealCmdletsParameters(Type simulated, Type real)
    {
        Describe(simulated).Should().Equal(Describe(real));
    }

    [Fact]
    public void StartSleep_ShouldPassVirtualTime_AsGetDateSees()
    {
        var before = _sim.Cluster.Now;

        var minutes = _sim.RunOn(null, "$a = Get-Date; Start-Sleep -Seconds 600; ((Get-Date) - $a).TotalMinutes").Single().BaseObject;

        minutes.Should().Be(10.0);
        (_sim.Cluster.Now - before).Should().Be(TimeSpan.FromMinutes(10));
    }

    [Theory]
    [InlineData("Start-Sleep -Milliseconds 1500", 1.5)]
    [InlineData("Start-Sleep -Duration (New-TimeSpan -Minutes 2)", 120)]
    [InlineData("Start-Sleep 30", 30)]
    public void StartSleep_ShouldAdvanceVirtualTime_ByEachParameterSet(string script, double seconds)
    {
        var before = _sim.Cluster.Now;

        _sim.RunOn(null, script);

        (_sim.Cluster.Now - before).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void GetDate_ShouldBeTheClustersVirtualTime()
    {
        var now = (DateTime)_sim.RunOn(null, "Get-Date -AsUTC").Single().BaseObject;

        now.Should().Be(_sim.Cluster.Now.UtcDateTime);
    }

    [Theory]
    [InlineData("Get-Date -Date 2020-02-03 -Format yyyy-MM-dd", "2020-02-03")]
    [InlineData("[datetime]'2020-02-03' | Get-Date -UFormat %Y/%m", "2020/02")]
    [InlineData("Get-Date -UnixTimeSeconds 0 -AsUTC -Format yyyy", "1970")]
    [InlineData("(Get-Date -Date 2020-02-03 -Year 2021 -Hour 5).ToString('yyyy-MM-dd HH')", "2021-02-03 05")]
    public void GetDate_ShouldFormatAndAdjustAsTheRealCmdlet(string script, string expected)
    {
        _sim.RunOn(null, script).Single().BaseObject.Should().Be(expected);
    }

    [Fact]
    public void GetDate_WithoutADate_ShouldFormatTheVirtualTime()
    {
        var year = _sim.RunOn(null, "Get-Date -UFormat %Y").Single().BaseObject;

        year.Should().Be(_sim.Cluster.Now.LocalDateTime.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One line per parameter: name, type, aliases, validation, and per parameter set how it binds.</summary>
    private static List<string> Describe(Type cmdlet) =>
        [.. new CommandMetadata(cmdlet).Parameters.Values
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => string.Join(" | ",
                p.Name,
                p.ParameterType.FullName,
                string.Join(",", p.Aliases.Order(StringComparer.Ordinal)),
                string.Join(",", p.Attributes.OfType<ValidateRangeAttribute>().Select(r => $"{r.MinRange}..{r.MaxRange}")),
                string.Join(",", p.ParameterSets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
                    $"{s.Key}:{s.Value.IsMandatory}:{s.Value.Position}:{s.Value.ValueFromPipeline}:{s.Value.ValueFromPipelineByPropertyName}"))))];
}
