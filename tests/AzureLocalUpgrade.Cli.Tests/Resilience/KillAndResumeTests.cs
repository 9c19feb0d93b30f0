using System.Text.Json;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Tests.Resilience;

/// <summary>
/// Crash safety, on the real process: <c>alu run</c> is SIGKILLed at random points of a simulated upgrade and then
/// continued the way a scheduler would (<c>alu run --continue</c>, and <c>alu resume --retry</c> where the run asks
/// for a decision). Every run must finish, and no node may be drained, rebooted or feature-updated more often than
/// in a clean run. The kill points come from a fixed seed, so a failure can be replayed.
/// </summary>
public sealed partial class KillAndResumeTests
{
    private const int KillsPerRunbook = 4;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("runbooks/22h2-to-23h2/sconfig.yaml", 1)]
    [InlineData("runbooks/22h2-to-24h2/sconfig.yaml", 2)]
    public async Task A_run_killed_at_random_points_finishes_after_resume_without_repeating_node_work(string runbook, int seed)
    {
        var (clean, journalLength) = await CleanRun(runbook);
        using var state = new TempStateDirectory();

        // Kill points are journal lengths spread over the run: the process dies mid-run, wherever that lands.
        var random = new Random(seed);
        var killPoints = Enumerable.Range(0, KillsPerRunbook).Select(_ => random.Next(1, journalLength)).Order().ToList();
        var killedMidRun = 0;
        foreach (var point in killPoints)
        {
            using var process = AluProcess.Start(AluProcess.RepositoryRoot, [.. RunArgs(runbook, state.Path), "--continue"]);
            while (!process.HasExited && JournalLength(state.Path) < point)
            {
                await Task.Delay(10);
            }

            process.Kill();
            await process.WaitAsync(Limit);
            killedMidRun += await NewestRunState(state.Path) == "interrupted" ? 1 : 0;
        }

        killedMidRun.Should().BeGreaterThan(0, "the kills must land inside runs, or the test proves nothing");
        var finished = await ContinueUntilDone(runbook, state.Path);

        finished.ExitCode.Should().Be(0, finished.ToString());
        Counters(state.Path).Should().AllSatisfy(node =>
        {
            var reference = clean.Single(c => c.Name == node.Name);
            node.Drains.Should().BeLessThanOrEqualTo(reference.Drains, node.Name);
            node.Reboots.Should().BeLessThanOrEqualTo(reference.Reboots, node.Name);
            node.FeatureUpdatesApplied.Should().BeLessThanOrEqualTo(reference.FeatureUpdatesApplied, node.Name);
        });
    }

    private static async Task<(IReadOnlyList<NodeSnapshot> Counters, int JournalLength)> CleanRun(string runbook)
    {
        using var state = new TempStateDirectory();
        var clean = await AluProcess.RunAsync(AluProcess.RepositoryRoot, RunArgs(runbook, state.Path));
        clean.ExitCode.Should().Be(0, clean.ToString());
        return (Counters(state.Path), JournalLength(state.Path));
    }

    private static int JournalLength(string stateDir)
    {
        var runs = Path.Combine(stateDir, "runs");
        var journal = Directory.Exists(runs) ? Directory.GetFiles(runs, "journal.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault() : null;
        try
        {
            return journal is null ? 0 : File.ReadLines(journal).Count();
        }
        catch (IOException)
        {
            return 0; // being written; the next poll reads it
        }
    }

    /// <summary>What a scheduler does after a crash: continue; when the run names an interrupted step, retry it.</summary>
    private static async Task<AluResult> ContinueUntilDone(string runbook, string stateDir)
    {
        var result = await AluProcess.RunAsync(AluProcess.RepositoryRoot, [.. RunArgs(runbook, stateDir), "--continue"]);
        for (var round = 0; round < 5 && result.ExitCode == 3; round++)
        {
            var retries = RetryHint().Matches(result.StandardError).Select(m => m.Groups["step"].Value).Distinct().ToList();
            retries.Should().NotBeEmpty("a paused run after a crash must say what to decide: " + result);
            var resume = new List<string> { "resume", RunId(stateDir), "--state-dir", stateDir, "--approve", "*" };
            resume.AddRange(retries.SelectMany(step => new[] { "--retry", step }));
            result = await AluProcess.RunAsync(AluProcess.RepositoryRoot, [.. resume]);
        }

        return result;
    }

    private static async Task<string?> NewestRunState(string stateDir)
    {
        var status = await CliRun.Of(AluProcess.RepositoryRoot, "status", "--state-dir", stateDir, "--format", "json");
        using var json = JsonDocument.Parse(status.Out);
        return json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("state").GetString()).LastOrDefault();
    }

    private static string[] RunArgs(string runbook, string stateDir) =>
        ["run", runbook, "--cluster", "samples/clusters/four-node-22h2.yaml", "--state-dir", stateDir, "--approve", "*", "--log-format", "json", "--set", @"isoPath=C:\ISO\AzureLocal-2505.iso"];

    private static IReadOnlyList<NodeSnapshot> Counters(string stateDir) =>
        SimulatedCluster.ReadSnapshot(stateDir, "hci04")!.Nodes;

    private static string RunId(string stateDir)
    {
        // Run ids sort by start time; the newest run is the one the scheduler is continuing.
        var manifest = Directory.GetFiles(Path.Combine(stateDir, "runs"), "run.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last();
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty("runId").GetString()!;
    }

    [GeneratedRegex(@"--retry (?<step>\S+)")]
    private static partial Regex RetryHint();
}
