using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// A remote session to a node holds no credentials it could pass on: from there, reaching a third machine with
/// -ComputerName is the "second hop", refused with access denied unless the credentials were delegated (CredSSP)
/// ("Making the second hop in PowerShell Remoting", learn.microsoft.com/powershell/scripting/security/remoting/ps-remoting-second-hop).
/// The orchestrator reaches every node directly (one hop), and a node reaches itself.
/// </summary>
public sealed class SecondHopTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Theory]
    [InlineData("Get-VM -ComputerName {0}")]
    [InlineData("Get-VMHost -ComputerName {0}")]
    [InlineData("Restart-Computer -ComputerName {0} -Force")]
    public void ANodeSession_ShouldNotReachAnotherNode_WithoutDelegation(string script)
    {
        var act = () => _sim.RunOn(_sim.Node(1), string.Format(System.Globalization.CultureInfo.InvariantCulture, script, _sim.Node(2)));

        act.Should().Throw<Exception>().Which.Message.Should().Contain("Access is denied");
        _sim.Cluster.Snapshot().Node(_sim.Node(2)).Reboots.Should().Be(0);
    }

    [Theory]
    [InlineData("Get-VM -ComputerName {0}")]
    [InlineData("Get-VMHost -ComputerName {0}")]
    public void TheOrchestrator_ShouldReachEveryNode(string script) =>
        _sim.RunOn(null, string.Format(System.Globalization.CultureInfo.InvariantCulture, script, _sim.Node(2))).Should().NotBeEmpty();

    [Fact]
    public void ANodeSession_ShouldReachItself() =>
        _sim.RunOn(_sim.Node(1), $"Get-VM -ComputerName {_sim.Node(1)}").Should().HaveCount(2);

    [Fact]
    public void ANodeSession_ShouldReachAnotherNode_WhenCredSspDelegatesTheCredentials()
    {
        _sim.RunOn(null, $"Enable-WSManCredSSP -Role Client -DelegateComputer {_sim.Node(1)} -Force");
        _sim.RunOn(_sim.Node(1), "Enable-WSManCredSSP -Role Server -Force");

        _sim.RunOn(_sim.Node(1), $"Get-VM -ComputerName {_sim.Node(2)}").Should().HaveCount(2);
    }
}
