using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// Parameters and accepted values of the FailoverClusters cmdlets as the winserver2022-ps reference lists them:
/// what the reference does not accept, the simulator refuses too.
/// </summary>
public sealed class FailoverClusterSurfaceTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    // Suspend-ClusterNode.md and Resume-ClusterNode.md: -Name has no aliases.
    [Theory]
    [InlineData("Suspend-ClusterNode -Node {0} -Drain -Wait")]
    [InlineData("Resume-ClusterNode -Node {0}")]
    public void NodeParameter_ShouldNotBeAnAliasOfName(string script)
    {
        var act = () => _sim.RunOn(null, string.Format(System.Globalization.CultureInfo.InvariantCulture, script, _sim.Node(1)));

        act.Should().Throw<ParameterBindingException>().Which.Message.Should().Contain("Node");
    }

    // Get-ClusterFaultDomain.md: -Type accepts Unknown, Site, Rack, Chassis, Node.
    [Theory]
    [InlineData("ScaleUnit")]
    [InlineData("StorageScaleUnit")]
    public void FaultDomainType_ShouldRefuseValuesTheReferenceDoesNotList(string type)
    {
        var act = () => _sim.RunOn(null, $"Get-ClusterFaultDomain -Type {type}");

        act.Should().Throw<ParameterBindingException>();
    }

    [Theory]
    [InlineData("Unknown")]
    [InlineData("Rack")]
    [InlineData("Chassis")]
    public void FaultDomainType_ShouldAcceptTheReferenceValues_ThatNoModelledDomainHas(string type) =>
        _sim.RunOn(null, $"Get-ClusterFaultDomain -Type {type}").Should().BeEmpty();

    [Fact]
    public void FaultDomainType_ShouldAnswerToItsAlias() =>
        _sim.RunOn(null, "Get-ClusterFaultDomain -FaultDomainType Node").Should().HaveCount(3);
}
