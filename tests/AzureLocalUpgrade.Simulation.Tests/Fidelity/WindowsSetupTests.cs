using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// setup.exe /auto upgrade restarts the machine itself when it has staged the upgrade, unless /noreboot is given
/// (Windows Setup command-line options: /NoReboot keeps Setup from restarting the computer after the down-level
/// phase, so the caller restarts it when it chooses).
/// </summary>
public sealed class WindowsSetupTests : IDisposable
{
    private const string Media = @"C:\SetupFiles\Extracted";
    private readonly SimulatorHarness _sim = new();

    public WindowsSetupTests() => _sim.RunOn(_sim.Node(1), $$"""
        $iso = Mount-DiskImage -ImagePath 'C:\SetupFiles\ISOs\AzureLocal-2505.iso'
        $letter = ($iso | Get-Volume).DriveLetter
        New-Item -ItemType Directory -Path '{{Media}}' -Force | Out-Null
        Copy-Item -Path "${letter}:\*" -Destination '{{Media}}' -Recurse
        Dismount-DiskImage -ImagePath 'C:\SetupFiles\ISOs\AzureLocal-2505.iso'
        """);

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void SetupWithoutNoReboot_ShouldRestartTheNodeItself_AndApplyTheUpgrade()
    {
        _sim.RunOn(_sim.Node(1), $"Start-Process -FilePath '{Media}\\setup.exe' -ArgumentList '/auto upgrade /quiet /eula accept /dynamicupdate disable' -Wait");

        var node = _sim.Cluster.Snapshot().Node(_sim.Node(1));
        (node.Reachable, node.Reboots).Should().Be((false, 1));
        _sim.Cluster.AdvanceTime(TimeSpan.FromMinutes(15));
        _sim.Cluster.Snapshot().Node(_sim.Node(1)).Build.Major.Should().Be(26100);
    }

    [Fact]
    public void SetupWithNoReboot_ShouldOnlyStageTheUpgrade_ForTheCallersRestart()
    {
        var exit = _sim.RunOn(_sim.Node(1), $"(Start-Process -FilePath '{Media}\\setup.exe' -ArgumentList '/auto upgrade /quiet /noreboot /eula accept /dynamicupdate disable' -Wait -PassThru).ExitCode");

        exit.Single().BaseObject.Should().Be(0);
        var node = _sim.Cluster.Snapshot().Node(_sim.Node(1));
        (node.Reachable, node.Reboots, node.State).Should().Be((true, 0, ClusterNodeState.Up));

        _sim.RunOn(null, $"Restart-Computer -ComputerName {_sim.Node(1)} -Force -Wait");

        _sim.Cluster.Snapshot().Node(_sim.Node(1)).Build.Major.Should().Be(26100);
    }
}
