using System.Text.Json;
using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Cli.Tests.Simulated;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Tests.Resilience;

/// <summary>
/// A restart is not idempotent: an alu killed after Restart-Computer returned and before the journal recorded it
/// leaves a node that has already restarted, and is soon back Up, behind a step the journal calls interrupted. The
/// soak found one extra reboot this way (docs/soak.md). The restart step reads the node's last boot time before its
/// first attempt and journals it; the resumed step compares and does not restart a node that has started since.
/// </summary>
public sealed class RetriedRestartTests
{
    private const string Runbook = "tests/AzureLocalUpgrade.Cli.Tests/TestData/restart/restart-then-gate.yaml";
    private const string Cluster = "tests/AzureLocalUpgrade.Cli.Tests/TestData/unattended/cluster.yaml";

    [Fact]
    public async Task A_restart_killed_before_its_record_is_not_repeated_when_the_run_is_resumed()
    {
        using var state = new TempStateDirectory();
        var first = await CliRun.Of(ShippedRunbook.RepoRoot, ["run", Runbook, "--cluster", Cluster, "--state-dir", state.Path]);
        first.ExitCode.Should().Be(3, "the run pauses at the first node's gate, after its restart: " + first.Error);
        var restart = KillRightAfterTheFirstRestart(state.Path);

        var resumed = await CliRun.Of(ShippedRunbook.RepoRoot, ["resume", RunId(state.Path), "--state-dir", state.Path, "--approve", "*"]);

        resumed.ExitCode.Should().Be(0, resumed.Error);
        SimulatedCluster.ReadSnapshot(state.Path, "maint02")!.Nodes.Should().AllSatisfy(n => n.Reboots.Should().Be(1, "{0} needed one restart", n.Name));
        Records(state.Path).Should().Contain(r => r.Type == "step-skipped" && r.StepId == restart, "the guard saw the node had started since the baseline");
    }

    [Fact]
    public async Task A_restart_step_journals_the_boot_time_it_started_from_before_restarting()
    {
        using var state = new TempStateDirectory();
        await CliRun.Of(ShippedRunbook.RepoRoot, ["run", Runbook, "--cluster", Cluster, "--state-dir", state.Path]);

        var records = Records(state.Path);
        var restart = records.First(r => r.Type == "step-started" && r.StepId!.EndsWith("/restart/restart", StringComparison.Ordinal)).StepId;
        var ofRestart = records.Where(r => r.StepId == restart).Select(r => r.Type).ToList();

        ofRestart.Should().StartWith(["step-started", "step-baseline", "step-attempt", "step-finished"]);
        records.Single(r => r.Type == "step-baseline").Baseline.Should().Be("2025-05-26T08:00:00.0000000Z", "the node last started a week before the simulated clock began");
    }

    /// <summary>
    /// What the journal holds when alu dies right after Restart-Computer returned: everything up to the restart's
    /// first attempt record, nothing after. The simulated cluster keeps what happened (the node restarted and came back).
    /// </summary>
    /// <returns>The restart step's id.</returns>
    private static string KillRightAfterTheFirstRestart(string stateDir)
    {
        var journal = JournalPath(stateDir);
        var lines = File.ReadAllLines(journal);
        var cut = Array.FindIndex(lines, l => Record(l) is { Type: "step-attempt" } r && r.StepId!.EndsWith("/restart/restart", StringComparison.Ordinal));
        cut.Should().BePositive("the first run restarted a node");
        File.WriteAllLines(journal, lines[..cut]);
        return Record(lines[cut]).StepId!;
    }

    private static string JournalPath(string stateDir) =>
        Directory.GetFiles(Path.Combine(stateDir, "runs"), "journal.jsonl", SearchOption.AllDirectories).Single();

    private static string RunId(string stateDir) => Path.GetFileName(Path.GetDirectoryName(JournalPath(stateDir)))!;

    private static List<JournalLine> Records(string stateDir) => [.. File.ReadAllLines(JournalPath(stateDir)).Select(Record)];

    private static JournalLine Record(string line) => JsonSerializer.Deserialize<JournalLine>(line, Json)!;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record JournalLine(string Type, string? StepId, string? Baseline);
}
