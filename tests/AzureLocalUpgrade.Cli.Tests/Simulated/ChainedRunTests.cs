using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// Runbooks one after another on the same --state-dir, as an operator does: the second run continues from the
/// cluster the first one left.
/// </summary>
public sealed class ChainedRunTests
{
    [Fact]
    public async Task The_24H2_post_upgrade_runs_on_the_cluster_a_23H2_to_24H2_upgrade_left()
    {
        using var state = new TempStateDirectory();
        const string cluster = "samples/clusters/four-node-23h2.yaml";
        var (upgrade, _) = await SimulatedRun.Of(state, "runbooks/23h2-to-24h2/sconfig.yaml", cluster, "--set", ShippedRunbook.Iso2505);
        upgrade.ExitCode.Should().Be(0, upgrade.Error);

        var (post, after) = await SimulatedRun.Of(state, "runbooks/post-upgrade/24h2.yaml", cluster);

        post.ExitCode.Should().Be(0, post.Error);
        (after.ClusterFunctionalLevel, after.ClusterUpgradeVersion).Should().Be((12, 32774));
        ClusterAssertions.FullyUpgradedAndHealthy(after, 26100, 1);
    }

    [Fact]
    public async Task A_24H2_upgrade_straight_after_the_23H2_feature_update_stops_for_the_missing_cumulative_update()
    {
        // The 23H2 feature update leaves 25398.1611; 24H2 needs a build greater than 25398.1611 (seed 000), which
        // only the further updates after the feature update bring. The guard must stop before any change.
        using var state = new TempStateDirectory();
        const string cluster = "samples/clusters/four-node-22h2.yaml";
        var (first, _) = await SimulatedRun.Of(state, "runbooks/22h2-to-23h2/sconfig.yaml", cluster);
        first.ExitCode.Should().Be(0, first.Error);

        var (second, after) = await SimulatedRun.Of(state, "runbooks/23h2-to-24h2/sconfig.yaml", cluster, "--set", ShippedRunbook.Iso2505);

        second.ExitCode.Should().Be(5, second.Error);
        second.Error.Should().Contain("a 23H2 build greater than 25398.1611");
        after.Nodes.Should().AllSatisfy(n => n.Build.ToString().Should().Be("25398.1611"));
    }

    [Fact]
    public async Task A_22H2_cluster_reaches_24H2_through_23H2_when_the_further_updates_are_installed_between_the_runs()
    {
        // The CAU runbook's further-updates gate is rehearsed on the simulator by a WindowsUpdatePlugin run, which
        // brings the latest 23H2 cumulative update; the 24H2 guard then lets the second runbook proceed.
        using var state = new TempStateDirectory();
        const string cluster = "samples/clusters/four-node-22h2.yaml";
        var (first, between) = await SimulatedRun.Of(state, "runbooks/22h2-to-23h2/cau.yaml", cluster, "--set", ShippedRunbook.OrchestratorOs);
        first.ExitCode.Should().Be(0, first.Error);
        between.Nodes.Should().AllSatisfy(n => n.Build.ToString().Should().Be("25398.1732"));

        var (second, after) = await SimulatedRun.Of(state, "runbooks/23h2-to-24h2/sconfig.yaml", cluster, "--set", ShippedRunbook.Iso2505);

        second.ExitCode.Should().Be(0, second.Error);
        ClusterAssertions.FullyUpgradedAndHealthy(after, 26100, 1);
        after.Nodes.Should().AllSatisfy(n => n.FeatureUpdatesApplied.Should().Be(2, n.Name));
    }
}
