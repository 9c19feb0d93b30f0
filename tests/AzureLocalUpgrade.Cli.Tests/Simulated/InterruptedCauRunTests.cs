using System.Text.Json.Nodes;
using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Simulation;

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
        ClusterAssertions.FullyUpgradedAndHealthy(cluster, runbook.TargetBuild, runbook.NodesDownAllowed);
    }

    public static TheoryData<string> MediaCauRunbooks() =>
        [.. ShippedRunbook.All().Where(p => p.EndsWith("/cau.yaml", StringComparison.Ordinal) && p.Contains("-to-24h2/", StringComparison.Ordinal))];

    /// <summary>
    /// Soak trial 4 (docs/soak.md): the CAU run was interrupted in one session, after every step before it had
    /// finished, so a resume runs the CAU run step again but nothing before it. The failed Updating Run it left must
    /// still be recovered, or CAU refuses the new run and the resume fails.
    /// </summary>
    [Theory]
    [MemberData(nameof(MediaCauRunbooks))]
    public async Task A_CAU_run_interrupted_in_an_earlier_session_is_recovered_when_the_resume_starts_it_again(string path)
    {
        var runbook = new ShippedRunbook(path);
        using var state = new TempStateDirectory();
        var gates = await GatesOf(runbook);
        var first = await CliRun.Of(ShippedRunbook.RepoRoot,
            ["run", runbook.Path, "--cluster", runbook.Cluster, "--state-dir", state.Path, .. runbook.Settings,
                .. gates.Where(g => g != FunctionalLevelGate).SelectMany(g => new[] { "--approve", g })]);
        first.ExitCode.Should().Be(3, "the run waits at the functional-level gate, right before the CAU run: " + first.Error);
        InterruptTheCauRun(state.Path);
        LeaveUpdatingRunInProgress(state.Path);

        var resumed = await CliRun.Of(ShippedRunbook.RepoRoot, ["resume", RunId(state.Path), "--state-dir", state.Path, "--approve", "*"]);

        resumed.ExitCode.Should().Be(0, resumed.Error);
        var cluster = SimulatedCluster.ReadSnapshot(state.Path, runbook.Cluster.Contains("23h2", StringComparison.Ordinal) ? "hci23" : "hci04")!;
        ClusterAssertions.FullyUpgradedAndHealthy(cluster, runbook.TargetBuild, runbook.NodesDownAllowed);
    }

    private const string FunctionalLevelGate = "approve-functional-level";
    private const string CauRunStep = "cau-run-media";

    private static async Task<List<string>> GatesOf(ShippedRunbook runbook)
    {
        var plan = await CliRun.Of(ShippedRunbook.RepoRoot, ["plan", runbook.Path, "--cluster", runbook.Cluster, "--format", "json", .. runbook.Settings]);
        return [.. JsonNode.Parse(plan.Out)!["steps"]!.AsArray()
            .Where(s => (string?)s!["kind"] == "manual" && s["skippedReason"] is null)
            .Select(s => (string)s!["id"]!)];
    }

    /// <summary>
    /// The journal an alu killed in the CAU run leaves: every step before it finished (the gate approved, earlier
    /// steps done), the CAU run started and never finished. Records as alu writes them.
    /// </summary>
    private static void InterruptTheCauRun(string stateDir)
    {
        var journal = Directory.GetFiles(Path.Combine(stateDir, "runs"), "journal.jsonl", SearchOption.AllDirectories).Single();
        var lines = File.ReadAllLines(journal);
        var started = JsonNode.Parse(lines[0])!;
        var runId = (string)started["runId"]!;
        var steps = started["run"]!["stepIds"]!.AsArray().Select(s => (string)s!).ToList();
        var time = (string)JsonNode.Parse(lines[^1])!["time"]!;
        var done = lines.Select(l => JsonNode.Parse(l)!)
            .Where(r => (string?)r["type"] is "step-finished" or "step-skipped")
            .Select(r => (string)r["stepId"]!)
            .ToHashSet(StringComparer.Ordinal);
        var records = new List<string>();
        foreach (var step in steps.Take(steps.IndexOf(CauRunStep)).Where(s => !done.Contains(s)))
        {
            records.Add(Record("step-started", runId, step, time, step == FunctionalLevelGate ? "manual" : "powershell"));
            records.Add(Record("step-finished", runId, step, time, outcome: "succeeded"));
        }

        records.Add(Record("step-started", runId, CauRunStep, time, "powershell"));
        File.AppendAllLines(journal, records);
    }

    private static string Record(string type, string runId, string step, string time, string? kind = null, string? outcome = null)
    {
        var record = new JsonObject { ["formatVersion"] = 1, ["type"] = type, ["time"] = time, ["runId"] = runId, ["stepId"] = step };
        if (kind is not null)
        {
            record["kind"] = kind;
        }

        if (outcome is not null)
        {
            record["outcome"] = outcome;
            record["attempts"] = 1;
        }

        record["target"] = "orchestrator";
        return record.ToJsonString();
    }

    private static string RunId(string stateDir) =>
        Path.GetFileName(Path.GetDirectoryName(Directory.GetFiles(Path.Combine(stateDir, "runs"), "journal.jsonl", SearchOption.AllDirectories).Single()))!;

    /// <summary>What the simulator's state holds after the orchestrator died during Invoke-CauRun.</summary>
    private static void LeaveUpdatingRunInProgress(string stateDir)
    {
        var file = Directory.GetFiles(Path.Combine(stateDir, "clusters"), "simulation.json", SearchOption.AllDirectories).Single();
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["cau"]!["runState"] = "RunInProgress";
        File.WriteAllText(file, json.ToJsonString());
    }
}
