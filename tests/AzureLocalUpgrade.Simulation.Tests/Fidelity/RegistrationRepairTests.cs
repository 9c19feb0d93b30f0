using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// The shipped registration-repair guard (runbooks/fragments/registration-repair.yaml, step repair) on the orchestrator:
/// for 23H2 a present Cloud Management group settles it (seed 000: repair only when the identity is wrong AND the group
/// is missing), so no Azure sign-in is needed; otherwise Get-AzResource asks Azure and needs one.
/// </summary>
public sealed class RegistrationRepairTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    private static string Guard(string target) =>
        $"$ClusterName = 'hci01'; $Inputs = @{{ target = '{target}'; resourceGroup = '' }}\n" + ShippedRunbooks.Documents()
            .Single(d => d.FilePath.EndsWith("registration-repair.yaml", StringComparison.Ordinal))
            .Steps.Single(s => s.Id == "repair").SkipIf!.Value;

    [Fact]
    public void For23H2_APresentCloudManagementGroup_ShouldSkipTheRepair_WithoutAskingAzure() =>
        _sim.RunOn(null, Guard("23H2")).Single().BaseObject.Should().Be(true);

    [Fact]
    public void For24H2_TheIdentity_ShouldBeAskedOfAzure_WhichNeedsASignIn()
    {
        var act = () => _sim.RunOn(null, Guard("24H2"));

        act.Should().Throw<Exception>().Which.Message.Should().Contain("Connect-AzAccount");
        _sim.RunOn(null, "Connect-AzAccount -UseDeviceAuthentication");
        _sim.RunOn(null, Guard("24H2")).Single().BaseObject.Should().Be(true);
    }
}
