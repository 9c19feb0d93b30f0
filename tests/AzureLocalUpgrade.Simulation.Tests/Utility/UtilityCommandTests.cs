using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Sessions;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Utility;

/// <summary>
/// A simulated session runs scripts on PowerShell's own Microsoft.PowerShell.Utility cmdlets (from the SDK), not on
/// imitations, and keeps the Microsoft.PowerShell.Management cmdlets it does not model away from the machine running alu.
/// </summary>
public sealed class UtilityCommandTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Theory]
    [InlineData("Select-Object")]
    [InlineData("Sort-Object")]
    [InlineData("Measure-Object")]
    [InlineData("ConvertTo-Json")]
    [InlineData("ConvertFrom-Json")]
    [InlineData("Group-Object")]
    [InlineData("Write-Output")]
    [InlineData("Write-Warning")]
    [InlineData("Write-Verbose")]
    [InlineData("Write-Information")]
    [InlineData("Write-Host")]
    [InlineData("Write-Error")]
    public void UtilityCommand_ShouldBeTheRealCmdlet(string name)
    {
        var command = (CmdletInfo)_sim.RunOn(_sim.Node(1), $"Get-Command {name}").Single().BaseObject;

        command.ImplementingType.Assembly.GetName().Name.Should().Be("Microsoft.PowerShell.Commands.Utility");
        command.ModuleName.Should().Be("Microsoft.PowerShell.Utility");
    }

    [Theory]
    [InlineData("Get-ClusterNode | Sort-Object Name -Descending | Select-Object -First 1 -ExpandProperty Name", "hci01-n3")]
    [InlineData("Get-ClusterNode | Sort-Object -Property @{ Expression = 'Name'; Descending = $true } | ForEach-Object Name", "hci01-n3,hci01-n2,hci01-n1")]
    [InlineData("(Get-VM | Measure-Object -Property MemoryAssigned -Sum).Sum", "51539607552")]
    [InlineData("Get-ClusterNode | Select-Object -First 1 Name, State | ConvertTo-Json -Compress -EnumsAsStrings", "{\"Name\":\"hci01-n1\",\"State\":\"Up\"}")]
    public void Script_ShouldWorkOnSimulatorOutput(string script, string expected)
    {
        var output = _sim.RunOn(null, script);

        string.Join(",", output.Select(o => o.BaseObject.ToString())).Should().Be(expected);
    }

    [Theory]
    [InlineData("Stop-Computer")]
    [InlineData("Remove-Item")]
    [InlineData("Set-Content")]
    [InlineData("Stop-Process")]
    public void ManagementCommandTheSimulatorDoesNotModel_ShouldNotExist_SoItCannotTouchTheHost(string name)
    {
        var act = () => _sim.RunOn(_sim.Node(1), $"{name} -WhatIf");

        act.Should().Throw<CommandNotFoundException>().Which.Message.Should().Contain(name);
    }

    [Fact]
    public void ManagementCommandTheSimulatorModels_ShouldBeTheSimulators()
    {
        var command = (CmdletInfo)_sim.RunOn(_sim.Node(1), "Get-Command Get-ItemProperty").Single().BaseObject;

        command.ImplementingType.Assembly.Should().BeSameAs(typeof(SimulatorCommands).Assembly);
    }
}
