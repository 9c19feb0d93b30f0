using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Support;

/// <summary>
/// The real fleet store (SQLite, the embedded default) in a temporary folder, seeded with a small two-stage fleet and
/// moved along by the test through the same calls the fleet engine makes.
/// </summary>
internal sealed class SeededStore : IAsyncDisposable
{
    public const string FleetId = "demo";
    public static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> NoParameters = [];
    private readonly string _folder;

    private SeededStore(string folder, FleetStore store)
    {
        _folder = folder;
        Store = store;
    }

    public FleetStore Store { get; }

    public static async Task<SeededStore> CreateAsync(string? hostileReason = null)
    {
        var folder = Directory.CreateTempSubdirectory("alu-fleet-web-").FullName;
        var database = FleetDatabase.Sqlite(Path.Combine(folder, "fleet.db"));
        await SchemaInstaller.EnsureAsync(database, CancellationToken.None);
        var store = new FleetStore(database);
        var seed = new FleetRunSeed(FleetId, "demo-fleet", "/fleets/demo.yaml", 3600,
            [new StageSeed("canary", 2, 1, 0, TimeSpan.FromHours(2), true, true), new StageSeed("wave", 4, 2, 1, TimeSpan.Zero, false, false)],
            [
                new ClusterSeed("c1", "site-a", 0, "22h2-to-23h2/cau", "/inv/c1.yaml", "UTC", ["Sat 22:00-Sun 06:00"], NoParameters, null, "plan of c1: drain, update, resume"),
                new ClusterSeed("c2", "site-b", 1, "22h2-to-23h2/cau", "/inv/c2.yaml", "UTC", [], NoParameters, null, null),
                new ClusterSeed("c3", "site-b", -1, null, "/inv/c3.yaml", "UTC", [], NoParameters, hostileReason ?? "stretch cluster: no runbook applies", null),
            ]);
        (await store.SeedAsync(seed, Noon, CancellationToken.None)).Should().BeTrue();
        return new SeededStore(folder, store);
    }

    /// <summary>Runs c1 to the end of the canary stage and leaves its gate awaiting approval.</summary>
    public async Task FinishCanaryAsync()
    {
        var epoch = await StartAsync("c1");
        await Store.FinishClusterAsync(FleetId, "c1", epoch, new ClusterOutcome(ClusterRunState.Done, "run-c1", null, "# c1 report\nall nodes at 25398"), Noon.AddHours(1), CancellationToken.None);
        await Store.SetStageStateAsync(FleetId, 0, StageState.AwaitingApproval, null, CancellationToken.None);
    }

    public async Task<int> StartAsync(string cluster)
    {
        await Store.QueueClusterAsync(FleetId, cluster, CancellationToken.None);
        var epoch = (await Store.BeginClusterAsync(FleetId, cluster, "test-worker", Noon, CancellationToken.None))!.Value;
        await Store.ReportProgressAsync(FleetId, cluster, epoch, "drain n2", "run-" + cluster,
            System.Text.Json.JsonSerializer.Serialize(new List<NodeProgress> { new("n1", "done", 12, 12), new("n2", "draining", 3, 12) }), CancellationToken.None);
        return epoch;
    }

    public async Task<GateStatus?> GateAsync(int stage) => (await Store.GetStatusAsync(FleetId, CancellationToken.None))!.Stages[stage].Gate;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
