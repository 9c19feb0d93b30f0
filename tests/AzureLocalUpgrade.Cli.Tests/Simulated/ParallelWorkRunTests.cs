using System.Text.Json;
using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// Work a simulated run has in flight at once overlaps in virtual time, as it would on a real cluster, and the same run
/// gives the same events and the same journal: the offline update installs the feature update on every node at once (a parallel forEach).
/// </summary>
public sealed class ParallelWorkRunTests
{
    private const string Runbook = "runbooks/22h2-to-23h2/offline.yaml";
    private const string Cluster = "samples/clusters/four-node-22h2.yaml";

    [Fact]
    public async Task The_offline_updates_installs_on_every_node_take_45_minutes_together()
    {
        using var state = new TempStateDirectory();

        var (run, _) = await SimulatedRun.Of(state, Runbook, Cluster, "--log-format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        var installs = Events(run.Out).Where(e => e.Kind == "step-finished" && e.StepId.EndsWith("/from-windows-update", StringComparison.Ordinal)).ToList();
        installs.Should().HaveCount(4);
        installs.Select(e => e.Duration).Should().AllBeEquivalentTo(TimeSpan.FromMinutes(45), "each node's scan and install take 45 minutes of their own");
        installs.Select(e => e.Time).Distinct().Should().ContainSingle("the four installs ran at once");
    }

    [Fact]
    public async Task The_same_run_writes_the_same_events_at_the_same_virtual_times_in_the_same_order()
    {
        using var first = new TempStateDirectory();
        using var second = new TempStateDirectory();

        var (one, _) = await SimulatedRun.Of(first, Runbook, Cluster, "--log-format", "json");
        var (two, _) = await SimulatedRun.Of(second, Runbook, Cluster, "--log-format", "json");

        one.ExitCode.Should().Be(0, one.Error);
        Events(two.Out).Should().Equal(Events(one.Out));
    }

    [Fact]
    public async Task The_same_run_writes_the_same_journal_but_for_its_run_id()
    {
        using var first = new TempStateDirectory();
        using var second = new TempStateDirectory();

        var (one, _) = await SimulatedRun.Of(first, Runbook, Cluster);
        var (two, _) = await SimulatedRun.Of(second, Runbook, Cluster);

        one.ExitCode.Should().Be(0, one.Error);
        two.ExitCode.Should().Be(0, two.Error);
        Journal(second).Should().Equal(Journal(first));
    }

    /// <summary>The run's journal lines with its run id (random per run) replaced.</summary>
    private static List<string> Journal(TempStateDirectory state)
    {
        var folder = Directory.GetDirectories(Path.Combine(state.Path, "runs")).Should().ContainSingle().Subject;
        var runId = Path.GetFileName(folder);
        return [.. File.ReadLines(Path.Combine(folder, "journal.jsonl")).Select(l => l.Replace(runId, "<run>", StringComparison.Ordinal))];
    }

    /// <summary>Every event but its run id (random per run): kind, step, time, duration.</summary>
    private static List<Event> Events(string jsonLines) =>
        [.. jsonLines.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("kind").GetString() != "run-finished")
            .Select(e => new Event(
                e.GetProperty("kind").GetString()!,
                e.TryGetProperty("stepId", out var id) ? id.GetString()! : "",
                e.GetProperty("time").GetString()!,
                e.TryGetProperty("durationMs", out var ms) ? TimeSpan.FromMilliseconds(ms.GetDouble()) : TimeSpan.Zero))];

    private sealed record Event(string Kind, string StepId, string Time, TimeSpan Duration);
}
