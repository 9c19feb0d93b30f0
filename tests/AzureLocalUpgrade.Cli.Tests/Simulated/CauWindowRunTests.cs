using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Simulated;

/// <summary>
/// A 16-node CAU run takes longer than an 8 h window. The runbook bounds it with Invoke-CauRun -StopAfter (what is left
/// of the opening), so CAU cancels it at the window's end; the run pauses there (exit 3) instead of failing, and the
/// firings of the next openings start CAU again for the nodes left. The simulator's clock starts on Monday
/// 2025-06-02 08:00 UTC.
/// </summary>
public sealed class CauWindowRunTests
{
    private const string Runbook = "runbooks/22h2-to-23h2/cau.yaml";
    private const string Cluster = "samples/clusters/sixteen-node-22h2.yaml";
    private static readonly string[] Window = ["--window", "Mon 08:00-Mon 16:00", "--time-zone", "UTC", "--set", ShippedRunbook.OrchestratorOs];

    [Fact]
    public async Task A_CAU_run_longer_than_the_window_pauses_at_its_end_and_finishes_in_later_openings_without_extra_reboots()
    {
        using var uninterrupted = new TempStateDirectory();
        var (whole, baseline) = await SimulatedRun.Of(uninterrupted, Runbook, Cluster, "--set", ShippedRunbook.OrchestratorOs);
        whole.ExitCode.Should().Be(0, whole.Error);

        using var state = new TempStateDirectory();
        var (run, _) = await SimulatedRun.Of(state, Runbook, Cluster, Window);
        var pauses = new List<string>();
        for (var week = 1; week <= 4 && run.ExitCode == 3; week++)
        {
            pauses.Add(run.Out + run.Error);
            var opening = new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero).AddDays(7 * week);
            var advance = await CliRun.Of(ShippedRunbook.RepoRoot, ["sim", "advance", "--cluster", Cluster, "--state-dir", state.Path, "--to", opening.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)]);
            advance.ExitCode.Should().Be(0, advance.Error);
            (run, _) = await SimulatedRun.Of(state, Runbook, Cluster, [.. Window, "--continue"]);
        }

        // 16 nodes of about 83 minutes each take more than one more opening, so the window's end may stop CAU more than once.
        var stopped = pauses.Where(p => p.Contains("window ended during the CAU run", StringComparison.Ordinal)).ToList();
        stopped.Should().NotBeEmpty("CAU's -StopAfter ended the run at the window's end")
            .And.OnlyContain(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"[1-9]\d* of 16 nodes updated"));
        run.ExitCode.Should().Be(0, run.Error);
        var (_, cluster) = await SimulatedRun.Of(state, Runbook, Cluster, [.. Window, "--continue"]);
        cluster.Nodes.Should().OnlyContain(n => n.Build.Major == 25398);
        cluster.Nodes.Select(n => (n.Name, n.Reboots)).Should().BeEquivalentTo(baseline.Nodes.Select(n => (n.Name, n.Reboots)),
            "a node CAU already updated is not updated (nor restarted) again by the next run");
    }
}
