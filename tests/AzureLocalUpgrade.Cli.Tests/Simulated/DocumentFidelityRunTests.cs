using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// Shipped runbooks against the simulated cluster where the simulator follows Microsoft's reference rather than the
/// runbooks' own assumptions (issue 10): the documented path works end to end, and a documented refusal stops the run
/// before any change.
/// </summary>
public sealed class DocumentFidelityRunTests
{
    private const string CauRunbook = "runbooks/22h2-to-23h2/cau.yaml";
    private const string FourNode22H2 = "samples/clusters/four-node-22h2.yaml";
    private const string Iso2503 = @"isoPath=C:\ISO\AzureLocal-2503.iso";

    [Fact]
    public async Task The_23H2_CAU_run_from_the_ISO_enables_the_Remote_Shutdown_rules_and_upgrades_every_node()
    {
        // Invoke-CauRun -EnableFirewallRules: without the Remote Shutdown rule group the updating run fails.
        using var state = new TempStateDirectory();

        var (run, cluster) = await SimulatedRun.Of(state, CauRunbook, FourNode22H2,
            "--set", ShippedRunbook.OrchestratorOs, "--set", "wuConnected=false", "--set", Iso2503);

        run.ExitCode.Should().Be(0, run.Error);
        ClusterAssertions.FullyUpgradedAndHealthy(cluster, 25398, 1);
    }

    [Fact]
    public async Task The_CAU_run_that_raises_the_functional_level_waits_for_its_approval_gate_with_no_node_upgraded()
    {
        using var state = new TempStateDirectory();

        var run = await CliRun.Of(ShippedRunbook.RepoRoot,
            ["run", CauRunbook, "--cluster", FourNode22H2, "--state-dir", state.Path,
             "--set", ShippedRunbook.OrchestratorOs, "--set", "wuConnected=false", "--set", Iso2503]);

        run.ExitCode.Should().Be(3, run.Error + run.Out);
        (run.Error + run.Out).Should().Contain("approve-functional-level");
        var cluster = Simulation.SimulatedCluster.ReadSnapshot(state.Path, "hci04")!;
        cluster.Nodes.Should().AllSatisfy(n => n.Build.Major.Should().Be(20349, n.Name));
    }
}
