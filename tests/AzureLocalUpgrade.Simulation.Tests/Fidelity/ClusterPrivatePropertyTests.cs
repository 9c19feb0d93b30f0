using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// CauEnableSoftReboot is a private property of the cluster that exists only once someone created it
/// (Azure Local "Kernel Soft Reboot" page: Get-Cluster | Set-ClusterParameter -Name CauEnableSoftReboot -Value 1 -Create).
/// The test cluster has kernel soft reboot off, so the property was never created.
/// </summary>
public sealed class ClusterPrivatePropertyTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void GetClusterParameter_ShouldFail_ForAPropertyNeverCreated()
    {
        var act = () => _sim.RunOn(null, "Get-ClusterParameter -Name CauEnableSoftReboot");

        act.Should().Throw<Exception>().Which.Message.Should().Contain("CauEnableSoftReboot");
    }

    [Fact]
    public void GetClusterParameter_WithSilentlyContinue_ShouldGiveNothing_ForAPropertyNeverCreated() =>
        _sim.RunOn(null, "Get-ClusterParameter -Name CauEnableSoftReboot -ErrorAction SilentlyContinue").Should().BeEmpty();

    [Fact]
    public void SetClusterParameter_WithoutCreate_ShouldFail_ForAPropertyNeverCreated()
    {
        var act = () => _sim.RunOn(null, "Set-ClusterParameter -Name CauEnableSoftReboot -Value 1");

        act.Should().Throw<Exception>().Which.Message.Should().Contain("-Create");
    }

    [Fact]
    public void SetClusterParameter_WithCreate_ShouldCreateTheProperty_AndTurnSoftRebootOn()
    {
        _sim.RunOn(null, "Get-Cluster | Set-ClusterParameter -Name CauEnableSoftReboot -Value 1 -Create");

        _sim.RunOn(null, "(Get-ClusterParameter -Name CauEnableSoftReboot).Value").Single().BaseObject.Should().Be(1);
        _sim.RunOn(null, "(Get-Cluster).CauEnableSoftReboot").Single().BaseObject.Should().Be(true);
    }

    [Fact]
    public void SoftReboot_ShouldBeOnOnlyWhenThePropertyIsOne()
    {
        _sim.RunOn(null, "Set-ClusterParameter -Name CauEnableSoftReboot -Value 1 -Create; Set-ClusterParameter -Name CauEnableSoftReboot -Value 2");

        _sim.RunOn(null, "(Get-Cluster).CauEnableSoftReboot").Single().BaseObject.Should().Be(false);
    }
}
