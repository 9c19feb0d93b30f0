using AzureLocalUpgrade.Fleet.Running.Progress;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>What every fleet store does, whichever database holds it (SQLite and PostgreSQL run the same tests).</summary>
public abstract class FleetStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private protected abstract Task<FleetDatabase> NewDatabaseAsync();

    private async Task<FleetStore> SeededAsync()
    {
        var database = await NewDatabaseAsync();
        await SchemaInstaller.EnsureAsync(database, CancellationToken.None);
        var store = new FleetStore(database);
        (await store.SeedAsync(Seed, Noon, CancellationToken.None)).Should().BeTrue();
        return store;
    }

    private static FleetRunSeed Seed => new(
        "demo",
        "demo",
        "/fleets/demo.yaml",
        3600,
        [new StageSeed("canary", 2, 1, 0, TimeSpan.FromHours(2), true, true), new StageSeed("wave", 4, 2, 1, TimeSpan.Zero, false, false)],
        [
            new ClusterSeed("c1", "site-a", 0, "22h2-to-23h2/cau", "/inv/c1.yaml", "UTC", ["Sat 22:00-Sun 06:00"], new Dictionary<string, string>(), null, "plan of c1"),
            new ClusterSeed("c2", "site-b", 1, "22h2-to-23h2/cau", "/inv/c2.yaml", "UTC", [], new Dictionary<string, string>(), null, null),
            new ClusterSeed("c3", "site-b", -1, null, "/inv/c3.yaml", "UTC", [], new Dictionary<string, string>(), "stretch cluster: no runbook applies", null),
        ]);

    [Fact]
    public async Task Creating_the_schema_twice_changes_nothing()
    {
        var database = await NewDatabaseAsync();
        await SchemaInstaller.EnsureAsync(database, CancellationToken.None);
        await SchemaInstaller.EnsureAsync(database, CancellationToken.None);
        (await new FleetStore(database).ListFleetsAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_seeded_fleet_shows_its_stages_clusters_and_refusals()
    {
        var store = await SeededAsync();
        var status = await store.GetStatusAsync("demo", CancellationToken.None);
        status!.State.Should().Be(FleetRunState.Running);
        status.Stages.Select(s => s.Name).Should().Equal("canary", "wave", "(refused)");
        status.Stages[0].Gate.Should().Be(new GateStatus("canary", true, null, null));
        status.Stages[2].Clusters.Single().Should().Match<ClusterRunStatus>(c => c.State == ClusterRunState.Refused && c.Reason!.Contains("stretch"));
        (await store.GetClusterPlanAsync("demo", "c1", CancellationToken.None)).Should().Be("plan of c1");
    }

    [Fact]
    public async Task Seeding_the_same_fleet_again_keeps_the_run_that_exists()
    {
        var store = await SeededAsync();
        (await store.SeedAsync(Seed, Noon.AddHours(1), CancellationToken.None)).Should().BeFalse();
        (await store.ListFleetsAsync(CancellationToken.None)).Should().ContainSingle().Which.StartedAt.Should().Be(Noon);
    }

    [Fact]
    public async Task A_gate_is_approved_once_and_only_while_it_awaits_approval()
    {
        var store = await SeededAsync();
        (await store.ApproveAsync("demo", "canary", "alice", Noon, CancellationToken.None)).Should().BeFalse("the stage has not finished");
        await store.SetStageStateAsync("demo", 0, StageState.AwaitingApproval, null, CancellationToken.None);
        (await store.ApproveAsync("demo", "canary", "alice", Noon.AddMinutes(5), CancellationToken.None)).Should().BeTrue();
        (await store.ApproveAsync("demo", "canary", "bob", Noon.AddMinutes(6), CancellationToken.None)).Should().BeFalse("it is approved already");
        var gate = (await store.GetStatusAsync("demo", CancellationToken.None))!.Stages[0].Gate;
        gate.Should().Be(new GateStatus("canary", true, "alice", Noon.AddMinutes(5)));
        (await store.GetEventsAsync("demo", null, 0, CancellationToken.None)).Should().Contain(e => e.Kind == FleetEventKinds.GateApproved && e.Message.Contains("alice"));
    }

    [Fact]
    public async Task A_stale_epoch_cannot_record_a_result()
    {
        var store = await SeededAsync();
        (await store.QueueClusterAsync("demo", "c1", CancellationToken.None)).Should().BeTrue();
        var first = await store.BeginClusterAsync("demo", "c1", "worker-1", Noon, CancellationToken.None);
        var second = await store.BeginClusterAsync("demo", "c1", "worker-2", Noon, CancellationToken.None);
        second.Should().Be(first + 1);
        (await store.FinishClusterAsync("demo", "c1", first!.Value, new ClusterOutcome(ClusterRunState.Failed, "r1", "stale", null), Noon, CancellationToken.None)).Should().BeFalse();
        (await store.FinishClusterAsync("demo", "c1", second!.Value, new ClusterOutcome(ClusterRunState.Done, "r2", null, "# report"), Noon, CancellationToken.None)).Should().BeTrue();
        var c1 = (await store.GetStatusAsync("demo", CancellationToken.None))!.Stages[0].Clusters.Single();
        c1.State.Should().Be(ClusterRunState.Done);
        c1.RunId.Should().Be("r2");
        (await store.GetClusterReportAsync("demo", "c1", CancellationToken.None)).Should().Be("# report");
        (await store.BeginClusterAsync("demo", "c1", "worker-3", Noon, CancellationToken.None)).Should().BeNull("a finished cluster is never started again");
    }

    [Fact]
    public async Task Events_are_read_in_order_after_a_sequence_and_by_cluster()
    {
        var store = await SeededAsync();
        var a = await store.AppendEventAsync("demo", "c1", FleetEventKinds.ClusterStarted, "c1 started", Noon, CancellationToken.None);
        await store.AppendEventAsync("demo", "c2", FleetEventKinds.ClusterStarted, "c2 started", Noon, CancellationToken.None);
        var after = await store.GetEventsAsync("demo", null, a.Sequence, CancellationToken.None);
        after.Select(e => e.Message).Should().Equal("c2 started");
        (await store.GetEventsAsync("demo", "c1", 0, CancellationToken.None)).Select(e => e.Message).Should().Equal("c1 started");
    }

    [Fact]
    public async Task Progress_is_recorded_only_under_the_current_epoch_and_reads_back_node_by_node()
    {
        var store = await SeededAsync();
        await store.QueueClusterAsync("demo", "c1", CancellationToken.None);
        var stale = (await store.BeginClusterAsync("demo", "c1", "worker-1", Noon, CancellationToken.None))!.Value;
        var current = (await store.BeginClusterAsync("demo", "c1", "worker-2", Noon, CancellationToken.None))!.Value;
        var progress = new ClusterProgress([new NodeProgress("n1", "updating", 4, 9, "rolling[n1]/update", "20349.3692")], 7, 30, Noon.AddHours(2), true);
        await store.ReportProgressAsync("demo", "c1", current, "rolling[n1]/update on node n1", "r1", progress.ToJson(), CancellationToken.None);
        await store.ReportProgressAsync("demo", "c1", stale, "stale", "r0", ClusterProgress.None.ToJson(), CancellationToken.None);

        var c1 = (await store.GetStatusAsync("demo", CancellationToken.None))!.Stages[0].Clusters.Single();
        c1.CurrentStep.Should().Be("rolling[n1]/update on node n1");
        c1.Nodes.Should().Equal(progress.Nodes);
        (c1.StepsDone, c1.StepsTotal, c1.Eta, c1.EtaIsVirtualTime).Should().Be((7, 30, Noon.AddHours(2), true));
    }

    [Fact]
    public async Task A_seeded_cluster_shows_the_plans_window_and_expected_end_until_it_runs()
    {
        var store = await SeededAsync();
        var window = new DateTimeOffset(2026, 12, 12, 22, 0, 0, TimeSpan.Zero);
        var seed = Seed with { FleetId = "planned", Clusters = [Seed.Clusters[0] with { TimeZone = "Europe/Berlin", PlannedWindow = window, PlannedEnd = window.AddHours(3) }] };
        await store.SeedAsync(seed, Noon, CancellationToken.None);

        var c1 = (await store.GetStatusAsync("planned", CancellationToken.None))!.Stages[0].Clusters.Single();
        (c1.NextWindow, c1.Eta, c1.TimeZone, c1.Nodes.Count).Should().Be((window, window.AddHours(3), "Europe/Berlin", 0));
    }
}

public sealed class SqliteFleetStoreTests : FleetStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alu-fleet-store-").FullName;

    private protected override Task<FleetDatabase> NewDatabaseAsync() =>
        Task.FromResult(FleetDatabase.Sqlite(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db")));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[Collection(Postgres.PostgresCollection.Name)]
public sealed class PostgresFleetStoreTests(Postgres.PostgresServer server) : FleetStoreContract
{
    private protected override Task<FleetDatabase> NewDatabaseAsync() =>
        Task.FromResult(FleetDatabase.Postgres(server.CreateDatabase("store")));
}
