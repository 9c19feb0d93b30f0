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
    public async Task A_stretched_cluster_takes_23H2_by_CAU_from_the_2509_ISO_and_ends_with_Storage_Replica_replicating()
    {
        using var state = new TempStateDirectory();

        var (run, cluster) = await SimulatedRun.Of(state, CauRunbook, "samples/clusters/stretch-22h2.yaml",
            "--set", ShippedRunbook.OrchestratorOs, "--set", "wuConnected=false", "--set", @"isoPath=C:\ISO\AzureLocal-2509.iso");

        run.ExitCode.Should().Be(0, run.Error);
        ClusterAssertions.FullyUpgradedAndHealthy(cluster, 25398, 1);
        run.Out.Should().Contain("stretch-ready/replication-continuous");
    }

    [Theory]
    [InlineData("runbooks/22h2-to-24h2/cau.yaml", "Stretched clusters can't be upgraded to 24H2", new[] { "--set", ShippedRunbook.Iso2505 })]
    [InlineData("runbooks/22h2-to-23h2/sconfig.yaml", "Its only supported upgrade is a CAU run from the 2509 ISO", new string[0])]
    [InlineData(CauRunbook, "Its only supported upgrade is a CAU run from the 2509 ISO", new[] { "--set", ShippedRunbook.OrchestratorOs })]
    public async Task A_stretched_cluster_off_its_one_path_stops_at_the_guard_with_nothing_changed(string runbook, string message, string[] settings)
    {
        using var state = new TempStateDirectory();

        var (run, cluster) = await SimulatedRun.Of(state, runbook, "samples/clusters/stretch-22h2.yaml", settings);

        run.ExitCode.Should().Be(5, run.Error);
        (run.Error + run.Out).Should().Contain(message);
        cluster.Nodes.Should().AllSatisfy(n => (n.Drains, n.Reboots, n.Build.Major).Should().Be((0, 0, 20349), n.Name));
    }

    [Fact]
    public async Task The_CAU_run_that_raises_the_functional_level_waits_for_its_approval_gate_with_no_node_upgraded()
    {
        using var state = new TempStateDirectory();

        var run = await CliRun.Of(ShippedRunbook.RepoRoot,
            ["run", CauRunbook, "--cluster", FourNode22H2, "--state-dir", state.Path,
             "--set", ShippedRunbook.OrchestratorOs, "--set", "wuConnected=false", "--set", Iso2503,
             "--approve", "stage-media/iso-release"]);

        run.ExitCode.Should().Be(3, run.Error + run.Out);
        (run.Error + run.Out).Should().Contain("approve-functional-level");
        var cluster = Simulation.SimulatedCluster.ReadSnapshot(state.Path, "hci04")!;
        cluster.Nodes.Should().AllSatisfy(n => n.Build.Major.Should().Be(20349, n.Name));
    }
}
