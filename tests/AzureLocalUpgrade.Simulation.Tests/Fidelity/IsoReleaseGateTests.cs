using System.Collections;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Fidelity;

/// <summary>
/// The person confirming the ISO's release (no documented property reads it) is asked only while a node still needs
/// the upgrade: a re-run on a cluster already at the target build goes through without stopping at the gate.
/// </summary>
public sealed class IsoReleaseGateTests
{
    private static readonly ShippedStepScript Skip = ShippedStepScript.Of("fragments/stage-media.yaml", "iso-release", skipIf: true);
    private static readonly Hashtable To24H2 = new() { ["release"] = "2505", ["targetBuild"] = 26100 };

    [Fact]
    public void ShippedIsoReleaseGate_ShouldAsk_WhileANodeRunsTheOldBuild()
    {
        using var sim = new SimulatorHarness(TestInventories.Cluster(build: "20349.3692"));

        Skip.Passes(sim, sim.Node(1), inputs: To24H2).Should().BeFalse();
    }

    [Fact]
    public void ShippedIsoReleaseGate_ShouldBeSkipped_OnceEveryNodeRunsTheTargetBuild()
    {
        using var sim = new SimulatorHarness(TestInventories.Cluster(build: "26100.4061"));

        Skip.Passes(sim, sim.Node(1), inputs: To24H2).Should().BeTrue();
    }
}
