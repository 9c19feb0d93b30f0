using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Azure;

/// <summary>
/// Get-StampInformation belongs to the Azure Local solution: on a node that runs the OS alone it is not installed
/// (upgrade-to-24h2-powershell.md uses "it returns output" as the test for a deployed solution). The shipped guard
/// must therefore ask Get-Command first: -ErrorAction does not cover command discovery.
/// </summary>
public sealed class SolutionCommandTests : IDisposable
{
    private readonly SimulatorHarness _plain = new();
    private readonly SimulatorHarness _deployed = new(scenario: Samples.Scenario("solution-deployed"));

    public void Dispose()
    {
        _plain.Dispose();
        _deployed.Dispose();
    }

    [Fact]
    public void GetStampInformation_ShouldNotExist_OnANodeThatRunsTheOsAlone()
    {
        _plain.RunOn(_plain.Node(1), "Get-Command -Name Get-StampInformation -ErrorAction SilentlyContinue").Should().BeEmpty();
    }

    [Fact]
    public void GetStampInformation_WithSilentlyContinue_ShouldStillThrowCommandNotFound_OnANodeThatRunsTheOsAlone()
    {
        var act = () => _plain.RunOn(_plain.Node(1), "Get-StampInformation -ErrorAction SilentlyContinue");

        act.Should().Throw<CommandNotFoundException>().Which.Message.Should().Contain("Get-StampInformation");
    }

    [Fact]
    public void GetStampInformation_ShouldReturnOutput_OnANodeWhereTheSolutionIsDeployed()
    {
        _deployed.RunOn(_deployed.Node(1), "Get-StampInformation").Should().ContainSingle();
    }

    [Fact]
    public void ShippedSolutionGuard_ShouldPass_OnANodeThatRunsTheOsAlone()
    {
        ShippedStepScript.Of("fragments/guards.yaml", "solution-not-deployed").Passes(_plain, _plain.Node(1)).Should().BeTrue();
    }

    [Fact]
    public void ShippedSolutionGuard_ShouldFail_WhereTheSolutionIsDeployed()
    {
        ShippedStepScript.Of("fragments/guards.yaml", "solution-not-deployed").Passes(_deployed, _deployed.Node(1)).Should().BeFalse();
    }
}
