using AzureLocalUpgrade.Fleet.Running.Progress;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Tests.Postgres;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Support;

/// <summary>
/// A real fleet store, seeded with a small two-stage fleet and moved along by the test through the same calls the
/// fleet engine makes: the embedded SQLite file in a temporary folder, or (given the collection's server) a
/// PostgreSQL database of its own, so the dashboard's tests read both stores the same way.
/// </summary>
internal sealed class SeededStore : IAsyncDisposable
{
    public const string FleetId = "demo";
    public static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>c2's window as the plan's calendar placed it: Saturday 22:00 in Berlin.</summary>
    public static readonly DateTimeOffset C2Window = new(2026, 12, 12, 21, 0, 0, TimeSpan.Zero);

    /// <summary>The ETA c1's run reported (on the simulator's clock).</summary>
    public static readonly DateTimeOffset C1Eta = new(2026, 12, 6, 14, 30, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> NoParameters = [];
    private readonly string _folder;

    private SeededStore(string folder, FleetStore store, string dbArgument)
    {
        _folder = folder;
        Store = store;
        DbArgument = dbArgument;
    }

    public FleetStore Store { get; }

    /// <summary>What `--db` takes for this store: the SQLite file, or the PostgreSQL connection string.</summary>
    public string DbArgument { get; }

    public bool IsPostgres => Store.Database.Dialect == SqlDialect.Postgres;

    /// <param name="postgres">The collection's PostgreSQL server; null: the SQLite store.</param>
    public static async Task<SeededStore> CreateAsync(PostgresServer? postgres = null, string? hostileReason = null)
    {
        var folder = Directory.CreateTempSubdirectory("alu-fleet-web-").FullName;
        var (database, argument) = postgres is null
            ? (FleetDatabase.Sqlite(Path.Combine(folder, "fleet.db")), Path.Combine(folder, "fleet.db"))
            : postgres.CreateDatabase("web") is var connection ? (FleetDatabase.Postgres(connection), connection) : default;
        await SchemaInstaller.EnsureAsync(database, CancellationToken.None);
        var store = new FleetStore(database);
        var seed = new FleetRunSeed(FleetId, "demo-fleet", "/fleets/demo.yaml", 3600,
            [new StageSeed("canary", 2, 1, 0, TimeSpan.FromHours(2), true, true), new StageSeed("wave", 4, 2, 1, TimeSpan.Zero, false, false)],
            [
                new ClusterSeed("c1", "site-a", 0, "22h2-to-23h2/cau", "/inv/c1.yaml", "UTC", ["Sat 22:00-Sun 06:00"], NoParameters, null, "plan of c1: drain, update, resume"),
                new ClusterSeed("c2", "site-b", 1, "22h2-to-23h2/cau", "/inv/c2.yaml", "Europe/Berlin", ["Sat 22:00-Sun 06:00"], NoParameters, null, null,
                    C2Window, C2Window.AddHours(2.5)),
                new ClusterSeed("c3", "site-b", -1, null, "/inv/c3.yaml", "UTC", [], NoParameters, hostileReason ?? "stretch cluster: no runbook applies", null),
            ]);
        (await store.SeedAsync(seed, Noon, CancellationToken.None)).Should().BeTrue();
        return new SeededStore(folder, store, argument);
    }

    /// <summary>Runs c1 to the end of the canary stage and leaves its gate awaiting approval.</summary>
    public async Task FinishCanaryAsync()
    {
        var epoch = await StartAsync("c1");
        await Store.FinishClusterAsync(FleetId, "c1", epoch, new ClusterOutcome(ClusterRunState.Done, "run-c1", null, "# c1 report\nall nodes at 25398"), Noon.AddHours(1), CancellationToken.None);
        await Store.SetStageStateAsync(FleetId, 0, StageState.AwaitingApproval, null, CancellationToken.None);
    }

    /// <summary>Starts the cluster and reports progress as its run would: n1 done, n2 draining, 15 of 24 steps.</summary>
    public async Task<int> StartAsync(string cluster)
    {
        await Store.QueueClusterAsync(FleetId, cluster, CancellationToken.None);
        var epoch = (await Store.BeginClusterAsync(FleetId, cluster, "test-worker", Noon, CancellationToken.None))!.Value;
        var progress = new ClusterProgress(
            [new NodeProgress("n1", "done", 12, 12, "rolling[n1]/resume", "25398.1732"), new NodeProgress("n2", "draining", 3, 12, "rolling[n2]/drain", "20349.3692")],
            15, 24, C1Eta, EtaIsVirtualTime: true);
        await Store.ReportProgressAsync(FleetId, cluster, epoch, "drain n2", "run-" + cluster, progress.ToJson(), CancellationToken.None);
        return epoch;
    }

    public async Task<GateStatus?> GateAsync(int stage) => (await Store.GetStatusAsync(FleetId, CancellationToken.None))!.Stages[stage].Gate;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
