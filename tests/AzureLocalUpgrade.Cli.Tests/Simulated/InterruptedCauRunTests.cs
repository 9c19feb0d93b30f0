using System.Text.Json.Nodes;
using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// An alu killed while Invoke-CauRun ran leaves an Updating Run behind that CAU reports as failed, with the cluster
/// Locked; CAU refuses a new run until it is recovered. The CAU runbooks recover it (Invoke-CauRun -ForceRecovery,
/// only when Get-CauRun says RunFailed) before their own run, so the resumed upgrade can finish. Found by
/// scripts/soak.sh (a SIGTERM during the CAU run; docs/soak.md).
/// </summary>
public sealed class InterruptedCauRunTests
{
    public static TheoryData<string> CauRunbooks() =>
        [.. ShippedRunbook.All().Where(p => p.EndsWith("/cau.yaml", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(CauRunbooks))]
    public async Task An_updating_run_a_killed_alu_left_in_progress_is_recovered_before_the_CAU_run(string path)
    {
        var runbook = new ShippedRunbook(path);
        using var state = new TempStateDirectory();
        var reset = await CliRun.Of(ShippedRunbook.RepoRoot, ["sim", "reset", "--cluster", runbook.Cluster, "--state-dir", state.Path]);
        reset.ExitCode.Should().Be(0, reset.Error);
        LeaveUpdatingRunInProgress(state.Path);

        var (run, cluster) = await SimulatedRun.Of(state, runbook);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("step=cau-run-recovery").And.Contain("status=succeeded");
        ClusterAssertions.FullyUpgradedAndHealthy(cluster, runbook.TargetBuild, runbook.NodesDownAllowed);
    }

    /// <summary>What the simulator's state holds after the orchestrator died during Invoke-CauRun.</summary>
    private static void LeaveUpdatingRunInProgress(string stateDir)
    {
        var file = Directory.GetFiles(Path.Combine(stateDir, "clusters"), "simulation.json", SearchOption.AllDirectories).Single();
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["cau"]!["runState"] = "RunInProgress";
        File.WriteAllText(file, json.ToJsonString());
    }
}
