using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests.Running;

/// <summary>Fleets run in process on the embedded SQLite store, on the simulator's virtual time.</summary>
public sealed class EmbeddedFleetRunTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly TestFleets _fleets = new();

    private Task<FleetHost> OpenAsync() =>
        FleetHost.OpenAsync(FleetDatabase.Sqlite(_fleets.DatabasePath), FleetSchedulerOptions.Embedded(3), _fleets.StateDirectory, start: true, CancellationToken.None);

    private static async Task<FleetRow> WaitAsync(FleetHost host, string fleetId, bool untilGate = false)
    {
        using var timeout = new CancellationTokenSource(Limit);
        return await host.WaitAsync(fleetId, untilGate, null, timeout.Token);
    }

    private static async Task<string> EventsAsync(FleetHost host, string fleetId) =>
        string.Join("\n", (await host.Store.GetEventsAsync(fleetId, null, 0, CancellationToken.None)).Select(e => $"{e.Kind} {e.Message}"));

    [Fact]
    public async Task A_fleet_runs_stage_after_stage_to_completion_within_its_site_limits()
    {
        var seed = _fleets.Seed("two-stage", [TestFleets.Stage("canary", 1), TestFleets.Stage("wave", 3, perSite: 1)], [["c01"], ["c02", "c03", "c04"]], sites: ["site-a", "site-b"]);
        await using var host = await OpenAsync();
        await host.SubmitAsync(seed, CancellationToken.None);
        var result = await WaitAsync(host, seed.FleetId);

        result.State.Should().Be(FleetRunState.Succeeded, await EventsAsync(host, seed.FleetId));
        var status = await host.Store.GetStatusAsync(seed.FleetId, CancellationToken.None);
        status!.Stages.SelectMany(s => s.Clusters).Should().OnlyContain(c => c.State == ClusterRunState.Done && c.RunId != null);
        (await host.Store.GetClusterReportAsync(seed.FleetId, "c02", CancellationToken.None)).Should().NotBeNullOrEmpty();
        var events = await host.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None);
        FleetEventChecks.MostRunningAtOnce(events, c => "all").Should().BeLessThanOrEqualTo(2, "wave runs at most one cluster per site and there are two sites");
        FleetEventChecks.MostRunningAtOnce(events, c => c == "c03" ? "site-a" : c is "c02" or "c04" ? "site-b" : "x").Should().Be(1);
        events.First(e => e.Kind == FleetEventKinds.StageStarted && e.Message.Contains("wave")).Sequence
            .Should().BeGreaterThan(events.First(e => e.Kind == FleetEventKinds.ClusterSucceeded && e.Cluster == "c01").Sequence, "the wave starts after the canary is done");
    }

    [Fact]
    public async Task A_process_runs_no_more_clusters_at_once_than_its_max_concurrent_even_when_the_stage_allows_more()
    {
        var seed = _fleets.Seed("capped", [TestFleets.Stage("wide", 4)], [["m01", "m02", "m03"]]);
        await using var host = await FleetHost.OpenAsync(FleetDatabase.Sqlite(_fleets.DatabasePath), FleetSchedulerOptions.Embedded(1), _fleets.StateDirectory, start: true, CancellationToken.None);
        await host.SubmitAsync(seed, CancellationToken.None);
        var result = await WaitAsync(host, seed.FleetId);

        result.State.Should().Be(FleetRunState.Succeeded, await EventsAsync(host, seed.FleetId));
        var events = await host.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None);
        FleetEventChecks.MostRunningAtOnce(events, c => "all").Should().Be(1, "--max-concurrent 1, though Quartz's pool has spare threads for the fleet's own jobs");
    }

    [Fact]
    public async Task A_soak_on_virtual_time_takes_no_wall_time()
    {
        // A 30-day soak: at the old 3,600 virtual seconds per second it would take 12 minutes, past the test's limit.
        var seed = _fleets.Seed("virtual-soak", [TestFleets.Stage("canary", 1, soak: TimeSpan.FromDays(30)), TestFleets.Stage("wave", 1)], [["v01"], ["v02"]])
            with { TimeScale = FleetRunSeed.VirtualTime };
        await using var host = await OpenAsync();
        await host.SubmitAsync(seed, CancellationToken.None);
        var result = await WaitAsync(host, seed.FleetId);

        result.State.Should().Be(FleetRunState.Succeeded, await EventsAsync(host, seed.FleetId));
        (await host.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None))
            .Should().Contain(e => e.Kind == FleetEventKinds.StageSoaking && e.Message.Contains("30.00:00:00 of virtual time"));
    }

    [Fact]
    public async Task A_simulated_cluster_paused_for_its_window_continues_in_the_same_execution_at_the_next_opening()
    {
        // The twin's clock starts on Monday 2 June 2025, 08:00 UTC: outside this window, so the run pauses first.
        var seed = _fleets.Seed("windowed", [TestFleets.Stage("only", 1)], [["w01"]]);
        seed = seed with { Clusters = [seed.Clusters[0] with { Windows = ["Mon 22:00-Tue 05:00"] }] };
        await using var host = await OpenAsync();
        await host.SubmitAsync(seed, CancellationToken.None);
        var result = await WaitAsync(host, seed.FleetId);

        result.State.Should().Be(FleetRunState.Succeeded, await EventsAsync(host, seed.FleetId));
        var events = await host.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None);
        events.Should().Contain(e => e.Kind == FleetEventKinds.ClusterWaitingForWindow && e.Message.Contains("2025-06-02 22:00"));
        events.Count(e => e.Kind == FleetEventKinds.ClusterStarted).Should().Be(1, "the job is not ended and fired again for a wait that takes no wall time");
    }

    [Fact]
    public async Task The_next_stage_waits_at_the_gate_until_an_operator_approves()
    {
        var seed = _fleets.Seed("gated", [TestFleets.Stage("canary", 1, soak: TimeSpan.FromHours(1), approval: true), TestFleets.Stage("wave", 1)], [["g01"], ["g02"]]);
        await using var host = await OpenAsync();
        await host.SubmitAsync(seed, CancellationToken.None);

        var paused = await WaitAsync(host, seed.FleetId, untilGate: true);
        paused.State.Should().Be(FleetRunState.PausedAtGate, await EventsAsync(host, seed.FleetId));
        var status = await host.Store.GetStatusAsync(seed.FleetId, CancellationToken.None);
        status!.Stages[0].State.Should().Be(StageState.AwaitingApproval);
        status.Stages[1].Clusters.Single().State.Should().Be(ClusterRunState.Waiting);
        (await host.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None)).Should().Contain(e => e.Kind == FleetEventKinds.StageSoaking);

        (await host.Store.ApproveAsync(seed.FleetId, "canary", "operator-1", DateTimeOffset.UtcNow, CancellationToken.None)).Should().BeTrue();
        var result = await WaitAsync(host, seed.FleetId);

        result.State.Should().Be(FleetRunState.Succeeded, await EventsAsync(host, seed.FleetId));
        (await host.Store.GetStatusAsync(seed.FleetId, CancellationToken.None))!.Stages[0].Gate!.ApprovedBy.Should().Be("operator-1");
    }

    [Fact]
    public async Task A_stage_over_its_failure_budget_halts_the_fleet_and_resume_continues_after_the_fix()
    {
        var seed = _fleets.Seed("budget", [TestFleets.Stage("canary", 2, budget: 0), TestFleets.Stage("wave", 1)], [["b01", "b02"], ["b03"]], failing: new HashSet<string> { "b02" });
        await using var host = await OpenAsync();
        await host.SubmitAsync(seed, CancellationToken.None);

        var halted = await WaitAsync(host, seed.FleetId);
        halted.State.Should().Be(FleetRunState.Halted, await EventsAsync(host, seed.FleetId));
        halted.HaltReason.Should().Contain("stage canary").And.Contain("b02").And.Contain("budget allows 0");
        var status = await host.Store.GetStatusAsync(seed.FleetId, CancellationToken.None);
        status!.HaltReason.Should().Be(halted.HaltReason);
        status.Stages[1].Clusters.Single().State.Should().Be(ClusterRunState.Waiting, "the next stage never starts past a spent budget");

        // The fix: the cluster is no longer stretched (its inventory and its twin, which is rebuilt from the inventory).
        File.WriteAllText(Path.Combine(_fleets.Folder, "b02.yaml"), File.ReadAllText(Path.Combine(_fleets.Folder, "b02.yaml")).Replace("stretch: true", "stretch: false", StringComparison.Ordinal));
        Directory.Delete(Simulation.SimulatedCluster.StateFolder(_fleets.StateDirectory, "b02"), recursive: true);
        (await host.Store.ResumeAsync(seed.FleetId, "operator-1", DateTimeOffset.UtcNow, CancellationToken.None)).Should().BeTrue();
        var result = await WaitAsync(host, seed.FleetId);

        result.State.Should().Be(FleetRunState.Succeeded, await EventsAsync(host, seed.FleetId));
    }

    public void Dispose() => _fleets.Dispose();
}
