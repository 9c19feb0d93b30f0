using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// The executor's acceptance: every shipped runbook, on a healthy simulated cluster of its source version with
/// every gate approved, exits 0 with every node Up at the target build, within the strategy's node allowance,
/// and storage, roles and VMs back online.
/// </summary>
public sealed class HealthyClusterRunTests
{
    public static TheoryData<string> Runbooks() => [.. ShippedRunbook.All()];

    [Theory]
    [MemberData(nameof(Runbooks))]
    public async Task A_shipped_runbook_leaves_a_healthy_cluster_fully_upgraded(string path)
    {
        var runbook = new ShippedRunbook(path);
        using var state = new TempStateDirectory();

        var (run, cluster) = await SimulatedRun.Of(state, runbook);

        run.ExitCode.Should().Be(0, run.Error);
        ClusterAssertions.FullyUpgradedAndHealthy(cluster, runbook.TargetBuild, runbook.NodesDownAllowed);
    }
}
