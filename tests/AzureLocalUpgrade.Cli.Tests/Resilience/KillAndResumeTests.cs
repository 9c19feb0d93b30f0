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
        var clean = await CountersOfACleanRun(runbook);
        using var state = new TempStateDirectory();
        var random = new Random(seed);

        for (var kill = 0; kill < KillsPerRunbook; kill++)
        {
            using var process = AluProcess.Start(AluProcess.RepositoryRoot, [.. RunArgs(runbook, state.Path), "--continue"]);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(600, 3500)));
            process.Kill();
            await process.WaitAsync(Limit);
        }

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

    private static async Task<IReadOnlyList<NodeSnapshot>> CountersOfACleanRun(string runbook)
    {
        using var state = new TempStateDirectory();
        var clean = await AluProcess.RunAsync(AluProcess.RepositoryRoot, RunArgs(runbook, state.Path));
        clean.ExitCode.Should().Be(0, clean.ToString());
        return Counters(state.Path);
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

    private static string[] RunArgs(string runbook, string stateDir) =>
        ["run", runbook, "--cluster", "samples/clusters/four-node-22h2.yaml", "--state-dir", stateDir, "--approve", "*", "--log-format", "json"];

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
