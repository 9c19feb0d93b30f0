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
    public void UtilityCommandThatWritesAFile_ShouldFail_WithoutWritingOnTheHost()
    {
        var hostFile = Path.Combine(_sim.StateDir, "written-by-a-simulated-node.txt");
        var script = "param($Path) 'text' | Out-File -LiteralPath $Path";

        var act = () => _sim.RunOn(_sim.Node(1), script, new Dictionary<string, object?> { ["Path"] = hostFile });

        act.Should().Throw<RuntimeException>();
        File.Exists(hostFile).Should().BeFalse();
    }

    [Fact]
    public void Session_ShouldHaveNoDriveOfTheHostFileSystem()
    {
        var drives = _sim.RunOn(_sim.Node(1), "$ExecutionContext.SessionState.Drive.GetAll() | ForEach-Object Name").Select(o => o.BaseObject.ToString());

        drives.Should().BeEquivalentTo("Alias", "Env", "Function", "Variable");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(2)]
    public void Formatting_ShouldUsePowerShellsBuiltInViews_InEverySession(int? node)
    {
        // Each session reads the one type and format table the simulator shares between sessions.
        var text = _sim.RunOn(node is { } n ? _sim.Node(n) : null, "[version]'10.0.25398' | Format-List | Out-String").Single().BaseObject.ToString();

        text.Should().Contain("Major         : 10").And.Contain("Build         : 25398");
    }

    [Fact]
    public void ManagementCommandTheSimulatorModels_ShouldBeTheSimulators()
    {
        var command = (CmdletInfo)_sim.RunOn(_sim.Node(1), "Get-Command Get-ItemProperty").Single().BaseObject;

        command.ImplementingType.Assembly.Should().BeSameAs(typeof(SimulatorCommands).Assembly);
    }
}
