using System.Text.Json;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Cli.Tests.Resilience;

/// <summary>
/// Split brain, on two real processes: <c>alu run</c> is stopped (SIGSTOP) past its lease (shortened to 2 s through
/// <see cref="RunLockOptions.TestLeaseVariable"/>), <c>alu resume</c> takes the run over, and then the first process is
/// continued. The first must write nothing more and exit 4; the run then finishes with a person's decision about
/// the steps that were in flight (retry, which their guards make safe); only a step that was in flight starts twice,
/// no node is drained or rebooted more than in a clean run, and the journal stays readable line by line.
/// </summary>
public sealed partial class StalledHolderTests
{
    private const string Runbook = "runbooks/22h2-to-23h2/sconfig.yaml";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly Dictionary<string, string?> ShortLease = new() { [RunLockOptions.TestLeaseVariable] = "2s" };

    [Fact]
    public async Task A_holder_stopped_past_its_lease_wakes_to_find_its_claim_gone_and_writes_nothing_more()
    {
        IReadOnlyList<NodeSnapshot> clean;
        int cleanLength;
        using (var cleanState = new TempStateDirectory())
        {
            var cleanRun = await AluProcess.RunAsync(AluProcess.RepositoryRoot, ShortLease, RunArgs(cleanState.Path));
            cleanRun.ExitCode.Should().Be(0, cleanRun.ToString());
            clean = Counters(cleanState.Path);
            cleanLength = File.ReadLines(Journal(cleanState.Path)).Count();
        }

        using var state = new TempStateDirectory();
        using var stalled = AluProcess.Start(AluProcess.RepositoryRoot, ShortLease, RunArgs(state.Path));
        while (!stalled.HasExited && JournalLength(state.Path) < cleanLength / 3)
        {
            await Task.Delay(10);
        }

        stalled.HasExited.Should().BeFalse("the run must be stopped mid-way, or the test proves nothing");
        await StopHoldingNoFileLock(stalled, state.Path);
        await Task.Delay(TimeSpan.FromSeconds(3)); // past the 2 s lease
        var lengthWhenStopped = JournalLength(state.Path);
        // What the stopped holder had started and not finished: the only steps that may start a second time.
        var inFlightWhenStopped = RunJournalReader.ReadResumeState(Journal(state.Path)).Interrupted.ToHashSet(StringComparer.Ordinal);

        var takeover = await AluProcess.RunAsync(AluProcess.RepositoryRoot, ShortLease, "resume", RunId(state.Path), "--state-dir", state.Path, "--approve", "*");
        takeover.ExitCode.Should().BeOneOf([0, 3], takeover.ToString());
        var lengthAfterTakeover = JournalLength(state.Path);
        lengthAfterTakeover.Should().BeGreaterThan(lengthWhenStopped);

        stalled.Continue();
        var woken = await stalled.WaitAsync(Limit);
        woken.ExitCode.Should().Be(4, woken.ToString());
        woken.StandardError.Should().Contain("lost its claim");
        JournalLength(state.Path).Should().Be(lengthAfterTakeover, "the woken holder must write nothing more");

        var finished = takeover;
        var retried = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 3 && finished.ExitCode == 3; round++)
        {
            // The woken holder cancels its other steps when its first write is refused, so a step in flight may have
            // done all, part or none of its work. The person's decision that is right in every case is --retry: each
            // step's guard (skipIf, a restart's boot-time baseline) sees what was done and does only the rest.
            var unknown = RetryHint().Matches(finished.StandardError).Select(m => m.Groups["step"].Value).Distinct().ToList();
            unknown.Should().NotBeEmpty("a run paused after a takeover must say what to decide: " + finished);
            retried.UnionWith(unknown);
            finished = await AluProcess.RunAsync(AluProcess.RepositoryRoot, ShortLease,
                ["resume", RunId(state.Path), "--state-dir", state.Path, "--approve", "*", .. unknown.SelectMany(s => new[] { "--retry", s })]);
        }

        finished.ExitCode.Should().Be(0, finished.ToString());
        var journal = RunJournalReader.Read(Journal(state.Path));
        journal.Warnings.Should().BeEmpty("every journal line must stay readable");
        // A step in flight at the stop starts again when a person retries it or, if it only reads (a health gate, a
        // check), on its own: the takeover cannot know whether the stopped copy finished. Nothing else starts twice.
        retried.Should().BeSubsetOf(inFlightWhenStopped, "a person is asked only about the steps that were in flight");
        journal.Records.Where(r => r.Type == JournalRecordTypes.StepStarted).GroupBy(r => r.StepId)
            .Should().AllSatisfy(g => g.Count().Should().BeLessThanOrEqualTo(inFlightWhenStopped.Contains(g.Key!) ? 2 : 1,
                $"step {g.Key} may start again only if it was in flight when its holder was stopped"));
        Counters(state.Path).Should().AllSatisfy(node =>
        {
            var reference = clean.Single(c => c.Name == node.Name);
            node.Drains.Should().BeLessThanOrEqualTo(reference.Drains, node.Name);
            node.Reboots.Should().BeLessThanOrEqualTo(reference.Reboots, node.Name);
        });
        var status = await AluProcess.RunAsync(AluProcess.RepositoryRoot, "status", RunId(state.Path), "--state-dir", state.Path);
        status.ExitCode.Should().Be(0, status.ToString());
    }

    /// <summary>
    /// Stops the process at a moment it holds neither the simulated cluster's file lock nor the cluster lock's guard,
    /// as a real run is stopped mid-step (real steps wait on nodes for minutes); a process stopped inside either
    /// makes every other process wait for it, which is safe but is not the takeover this test is about.
    /// </summary>
    private static async Task StopHoldingNoFileLock(AluProcess process, string stateDir)
    {
        string[] locks = [Path.Combine(stateDir, "clusters", "hci04", "simulation.lock"), Path.Combine(stateDir, "locks", "hci04.guard")];
        for (var attempt = 0; attempt < 500; attempt++)
        {
            process.Stop();
            if (locks.All(IsFree))
            {
                return;
            }

            process.Continue();
            await Task.Delay(5);
        }

        throw new InvalidOperationException("could not stop alu outside its file locks in 500 attempts");
    }

    private static bool IsFree(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string[] RunArgs(string stateDir) =>
        ["run", Runbook, "--cluster", "samples/clusters/four-node-22h2.yaml", "--state-dir", stateDir, "--approve", "*", "--log-format", "json", "--set", @"isoPath=C:\ISO\AzureLocal-2505.iso"];

    private static IReadOnlyList<NodeSnapshot> Counters(string stateDir) => SimulatedCluster.ReadSnapshot(stateDir, "hci04")!.Nodes;

    private static string Journal(string stateDir) =>
        Directory.GetFiles(Path.Combine(stateDir, "runs"), "journal.jsonl", SearchOption.AllDirectories).Single();

    private static int JournalLength(string stateDir)
    {
        try
        {
            return Directory.Exists(Path.Combine(stateDir, "runs")) ? File.ReadLines(Journal(stateDir)).Count() : 0;
        }
        catch (Exception error) when (error is IOException or InvalidOperationException)
        {
            return 0; // not there yet
        }
    }

    private static string RunId(string stateDir)
    {
        var manifest = Directory.GetFiles(Path.Combine(stateDir, "runs"), "run.json", SearchOption.AllDirectories).Single();
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty("runId").GetString()!;
    }

    [GeneratedRegex(@"--retry (?<step>\S+)")]
    private static partial Regex RetryHint();
}
