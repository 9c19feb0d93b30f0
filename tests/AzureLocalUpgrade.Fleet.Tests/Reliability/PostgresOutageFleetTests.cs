using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;

namespace AzureLocalUpgrade.Fleet.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped for 30 seconds in the middle of a fleet that two workers run, then started again: the
/// workers' Quartz nodes, fleet tables and run stores reconnect, and the fleet completes with every cluster
/// upgraded exactly once and none failed. (30 s: longer than a restart and than the Quartz check-in threshold, so
/// the workers also take each other for dead; shorter than the run store's reconnect budget.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutageFleetTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private readonly TestFleets _fleets = new();

    [Fact]
    public async Task A_fleet_completes_after_its_database_was_stopped_for_30_seconds_mid_run()
    {
        var database = FleetDatabase.Postgres(server.CreateDatabase("outage"));
        var seed = _fleets.Seed("outage", [TestFleets.Stage("canary", 1), TestFleets.Stage("wave", 2)], [["o01"], ["o02", "o03", "o04"]], sites: ["site-a", "site-b"]);
        using var runs = PostgresRunStore.Open(database.ConnectionString);
        await using (var client = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("client", [], 1), _fleets.StateDirectory, start: false, CancellationToken.None))
        {
            await client.SubmitAsync(seed, CancellationToken.None);
        }

        await using var workerA = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("worker-a", ["site-a"], 2), _fleets.StateDirectory, start: true, CancellationToken.None, runs);
        await using var workerB = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("worker-b", ["site-b"], 2), _fleets.StateDirectory, start: true, CancellationToken.None, runs);
        var store = workerA.Store;
        await FleetPolling.StatusUntilAsync(store, seed.FleetId, s => s.Clusters().Any(c => c.State == ClusterRunState.Running && c.RunId is not null),
            TimeSpan.FromMinutes(2), "a cluster should be running");

        server.Stop();
        try
        {
            await Task.Delay(Outage);
        }
        finally
        {
            server.Start();
        }

        var done = await FleetPolling.StatusUntilAsync(store, seed.FleetId, FleetPolling.Finished, TimeSpan.FromMinutes(4), "the fleet should finish after the outage");
        var events = await store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None);
        var log = await FleetPolling.EventsTextAsync(store, seed.FleetId);
        done.State.Should().Be(FleetRunState.Succeeded, log);
        done.Clusters().Should().OnlyContain(c => c.State == ClusterRunState.Done, log);
        events.Should().NotContain(e => e.Kind == FleetEventKinds.ClusterFailed, log);
        events.Where(e => e.Kind == FleetEventKinds.ClusterSucceeded).GroupBy(e => e.Cluster).Should().OnlyContain(g => g.Count() == 1, "each cluster is recorded upgraded once\n" + log);
    }

    public void Dispose() => _fleets.Dispose();
}
