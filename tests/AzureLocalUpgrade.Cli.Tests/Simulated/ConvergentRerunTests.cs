using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// A re-run converges: a shipped runbook run again on the cluster its first run upgraded changes nothing (no node
/// is drained, restarted or updated again) and exits 0 saying there was nothing to do; on a cluster an earlier run
/// left half upgraded it upgrades only the nodes still on the source build.
/// </summary>
public sealed class ConvergentRerunTests
{
    private const string HalfUpgraded = "tests/AzureLocalUpgrade.Cli.Tests/TestData/clusters/half-upgraded-22h2.yaml";

    public static TheoryData<string> Runbooks() => [.. ShippedRunbook.All()];

    [Theory]
    [MemberData(nameof(Runbooks))]
    public async Task A_second_run_on_the_cluster_the_first_run_upgraded_changes_nothing(string path)
    {
        var runbook = new ShippedRunbook(path);
        using var state = new TempStateDirectory();
        var (first, upgraded) = await SimulatedRun.Of(state, runbook);
        first.ExitCode.Should().Be(0, first.Error);

        var (second, after) = await SimulatedRun.Of(state, runbook);

        second.ExitCode.Should().Be(0, second.Error);
        Counters(after).Should().Equal(Counters(upgraded), "the second run must not drain, restart or update any node again");
        (after.ClusterFunctionalLevel, after.ClusterUpgradeVersion).Should().Be((upgraded.ClusterFunctionalLevel, upgraded.ClusterUpgradeVersion));
        second.Out.Should().Contain("succeeded with nothing to do: the cluster was already in the target state");
    }

    [Fact]
    public async Task A_run_on_a_half_upgraded_cluster_upgrades_only_the_nodes_still_on_the_source_build()
    {
        using var state = new TempStateDirectory();

        var (run, cluster) = await SimulatedRun.Of(state, "runbooks/22h2-to-23h2/sconfig.yaml", HalfUpgraded);

        run.ExitCode.Should().Be(0, run.Error);
        ClusterAssertions.FullyUpgradedAndHealthy(cluster, 25398, 1);
        Counters(cluster).Should().Equal(
            ("hci04-n1", 0, 0, 0),
            ("hci04-n2", 0, 0, 0),
            // The registry restart and the rolling update, each one drain and one restart; one feature update.
            ("hci04-n3", 2, 2, 1),
            ("hci04-n4", 2, 2, 1));
    }

    private static List<(string Node, int Drains, int Reboots, int FeatureUpdates)> Counters(SimulationSnapshot cluster) =>
        [.. cluster.Nodes.Select(n => (n.Name, n.Drains, n.Reboots, n.FeatureUpdatesApplied))];
}
