using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Simulation.Scenarios;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Cluster;

/// <summary>
/// Get-ClusterQuorum (winserver2022-ps Get-ClusterQuorum.md) shows the quorum configuration; its QuorumResource is the
/// witness. Azure Local recommends a witness for clusters of two to four nodes (azure-local/manage/witness.md), and the
/// shipped guard requires one on a two-node cluster before any node restarts.
/// </summary>
public sealed class QuorumWitnessTests
{
    private static readonly FaultScenario NoWitness =
        new("no-witness", "The cluster has no quorum witness.", [new Fault(FaultKind.NoWitness, null, null, false, null, SourceSpan.None)], "no-witness.yaml");

    private static readonly ShippedStepScript Guard = ShippedStepScript.Of("fragments/guards.yaml", "two-node-witness");

    [Fact]
    public void GetClusterQuorum_ShouldNameTheCloudWitness_AsTheQuorumResource()
    {
        using var sim = new SimulatorHarness(TestInventories.Cluster(nodes: 2));

        sim.RunOn(sim.Node(1), "(Get-ClusterQuorum).QuorumResource.ResourceType").Single().BaseObject.Should().Be("Cloud Witness");
    }

    [Fact]
    public void GetClusterQuorum_ShouldNameNoQuorumResource_OnAClusterWithoutAWitness()
    {
        using var sim = new SimulatorHarness(TestInventories.Cluster(nodes: 2), NoWitness);

        sim.RunOn(sim.Node(1), "$null -eq (Get-ClusterQuorum).QuorumResource").Single().BaseObject.Should().Be(true);
    }

    [Fact]
    public void ShippedWitnessGuard_ShouldFail_OnATwoNodeClusterWithoutAWitness()
    {
        using var sim = new SimulatorHarness(TestInventories.Cluster(nodes: 2), NoWitness);

        Guard.Passes(sim, sim.Node(1)).Should().BeFalse();
    }

    [Fact]
    public void ShippedWitnessGuard_ShouldPass_OnATwoNodeClusterWithAWitness()
    {
        using var sim = new SimulatorHarness(TestInventories.Cluster(nodes: 2));

        Guard.Passes(sim, sim.Node(1)).Should().BeTrue();
    }

    [Fact]
    public void ShippedWitnessGuard_ShouldPass_OnALargerClusterWithoutAWitness()
    {
        using var sim = new SimulatorHarness(TestInventories.Cluster(nodes: 3), NoWitness);

        Guard.Passes(sim, sim.Node(1)).Should().BeTrue();
    }
}
