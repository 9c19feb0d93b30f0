using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// Get-AzResource (Az.Resources) works only on a machine signed in to Azure with Connect-AzAccount (Az.Accounts);
/// the sign-in belongs to the machine it was made on (Connect-AzAccount: the context is saved for the user on that
/// machine), so signing in on the orchestrator does not sign in a node.
/// </summary>
public sealed class AzureSignInTests : IDisposable
{
    private const string Query = "Get-AzResource -Name hci01 -ResourceType Microsoft.AzureStackHCI/clusters -ExpandProperties";
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public void GetAzResource_WithoutASignIn_ShouldFail_AskingForConnectAzAccount()
    {
        var act = () => _sim.RunOn(null, Query);

        act.Should().Throw<Exception>().Which.Message.Should().Contain("Connect-AzAccount");
    }

    [Fact]
    public void GetAzResource_AfterConnectAzAccount_ShouldShowTheIdentity()
    {
        _sim.RunOn(null, "Connect-AzAccount -Tenant 00000000-0000-0000-0000-000000000001 -UseDeviceAuthentication");

        _sim.RunOn(null, $"({Query}).Identity.Type").Single().BaseObject.Should().Be("SystemAssigned");
        _sim.RunOn(null, "[bool](Get-AzContext)").Single().BaseObject.Should().Be(true);
    }

    [Fact]
    public void ASignInOnTheOrchestrator_ShouldNotSignInANode()
    {
        _sim.RunOn(null, "Connect-AzAccount -UseDeviceAuthentication");

        var act = () => _sim.RunOn(_sim.Node(1), Query);

        act.Should().Throw<Exception>().Which.Message.Should().Contain("Connect-AzAccount");
        _sim.RunOn(_sim.Node(1), "Get-AzContext").Should().BeEmpty();
    }
}
