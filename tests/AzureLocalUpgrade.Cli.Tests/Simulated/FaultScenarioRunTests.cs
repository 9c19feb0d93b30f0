using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// Each shipped fault scenario (samples/scenarios, described in its README) on the runbook it is meant for: the
/// documented exit code, a message that names the cause, never more nodes down at once than the strategy allows,
/// and nodes the run had not reached yet left untouched.
/// </summary>
public sealed class FaultScenarioRunTests
{
    public static TheoryData<string, string, string[], int, string, string[]> Scenarios() => new()
    {
        { "solution-deployed", "runbooks/22h2-to-23h2/sconfig.yaml", [], 5, "already runs the Azure Local solution", ["hci04-n1", "hci04-n2", "hci04-n3", "hci04-n4"] },
        { "stretch-cluster", "runbooks/22h2-to-23h2/sconfig.yaml", [], 5, "Its only supported upgrade is a CAU run from the 2509 ISO", ["hci04-n1", "hci04-n2", "hci04-n3", "hci04-n4"] },
        { "stretch-cluster", "runbooks/22h2-to-24h2/sconfig.yaml", [], 5, "Stretched clusters can't be upgraded to 24H2", ["hci04-n1", "hci04-n2", "hci04-n3", "hci04-n4"] },
        { "stretch-cluster", "runbooks/22h2-to-23h2/cau.yaml", ["--set", "wuConnected=false", "--set", @"isoPath=C:\ISO\AzureLocal-2509.iso"], 0, "succeeded", [] },
        { "aks-arc-present", "runbooks/22h2-to-23h2/sconfig.yaml", ["--set", "aksArcPreview=true"], 0, "succeeded", [] },
        { "node-never-returns", "runbooks/22h2-to-23h2/sconfig.yaml", [], 1, "hci04-n2 did not rejoin the cluster", ["hci04-n3", "hci04-n4"] },
        { "stuck-storage-job", "runbooks/22h2-to-23h2/sconfig.yaml", [], 1, "Storage repair jobs were still running after 3 hours", ["hci04-n2", "hci04-n3", "hci04-n4"] },
        { "refs-key-overridden", "runbooks/22h2-to-23h2/sconfig.yaml", [], 0, "succeeded", [] },
        { "cau-fails-on-node", "runbooks/22h2-to-23h2/cau.yaml", [], 1, "not updated: hci04-n2", [] },
        { "different-feature-update", "runbooks/22h2-to-23h2/cau.yaml", [], 1, "did not offer one and the same feature update to every node", [] },
        { "validation-fails", "runbooks/22h2-to-23h2/cau.yaml", [], 5, "Cluster validation (Test-Cluster) reported a failed test", ["hci04-n1", "hci04-n2", "hci04-n3", "hci04-n4"] },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task A_fault_scenario_ends_with_its_documented_outcome(
        string scenario, string path, string[] settings, int exitCode, string message, string[] untouched)
    {
        var runbook = new ShippedRunbook(path);
        using var state = new TempStateDirectory();

        var (run, cluster) = await SimulatedRun.Of(state, runbook, [.. settings, "--scenario", $"samples/scenarios/{scenario}.yaml"]);

        run.ExitCode.Should().Be(exitCode, run.Error);
        (run.Error + run.Out).Should().Contain(message);
        cluster.MaxNodesDownAtOnce.Should().BeLessThanOrEqualTo(runbook.NodesDownAllowed);
        foreach (var node in untouched.Select(cluster.Node))
        {
            (node.Drains, node.Reboots, node.Build.Major).Should().Be((0, 0, 20349), $"the run never reached {node.Name}");
        }

        if (exitCode == 0)
        {
            ClusterAssertions.FullyUpgradedAndHealthy(cluster, runbook.TargetBuild, runbook.NodesDownAllowed);
        }
    }
}
