using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Cluster;

/// <summary>
/// Win32_OperatingSystem.LastBootUpTime holds when the operating system last started (MicrosoftDocs
/// win32, desktop-src/CIMWin32Prov/win32-operatingsystem.md). Restart guards compare it with a value read before the
/// restart was first tried, so the simulator must change it exactly when a node finishes starting, and never reach a
/// node that is not running.
/// </summary>
public sealed class LastBootUpTimeTests : IDisposable
{
    private const string ReadBootTime = "(Get-CimInstance -ClassName Win32_OperatingSystem -ComputerName {0}).LastBootUpTime.ToUniversalTime().ToString('o')";

    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void The_boot_time_stays_the_same_until_the_node_restarts()
    {
        var before = BootTime(_sim.Node(1));
        _sim.Cluster.AdvanceTime(TimeSpan.FromHours(3));

        BootTime(_sim.Node(1)).Should().Be(before);
    }

    [Fact]
    public void The_boot_time_is_when_the_restart_finished()
    {
        var node = _sim.Node(1);
        var before = BootTime(node);
        _sim.RunOn(null, $"Restart-Computer -ComputerName {node} -Force");
        var restartedAt = _sim.Cluster.Snapshot().Now;

        _sim.Cluster.AdvanceTime(SimulationTimings.Boot + TimeSpan.FromMinutes(30));

        var after = DateTimeOffset.Parse(BootTime(node), System.Globalization.CultureInfo.InvariantCulture);
        after.Should().Be(restartedAt + SimulationTimings.Boot).And.NotBe(DateTimeOffset.Parse(before, System.Globalization.CultureInfo.InvariantCulture));
        BootTime(_sim.Node(2)).Should().Be(before, "only the restarted node started again");
    }

    [Fact]
    public void A_node_that_is_restarting_cannot_be_queried()
    {
        var node = _sim.Node(1);
        _sim.RunOn(null, $"Restart-Computer -ComputerName {node} -Force");

        var query = () => BootTime(node);

        query.Should().Throw<Exception>().Which.Message.Should().Contain($"cannot connect to {node}");
    }

    [Fact]
    public void A_node_session_reads_its_own_operating_system_without_a_computer_name()
    {
        var node = _sim.Node(2);

        var name = _sim.RunOn(node, "(Get-CimInstance Win32_OperatingSystem).CSName");

        name.Single().BaseObject.Should().Be(node);
    }

    [Fact]
    public void Classes_the_simulator_does_not_model_are_refused_by_name()
    {
        var query = () => _sim.RunOn(_sim.Node(1), "Get-CimInstance -ClassName Win32_BIOS");

        query.Should().Throw<Exception>().Which.Message.Should().Contain("Win32_BIOS").And.Contain("not simulated");
    }

    private string BootTime(string node) => (string)_sim.RunOn(null, string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadBootTime, node)).Single().BaseObject;
}
