using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;

namespace AzureLocalUpgrade.Fleet.Tests.Running;

/// <summary>
/// Two workers (two Quartz nodes, each its own instance id and sites) on one clustered PostgreSQL store: a fleet
/// is started by a client that runs nothing, and each cluster runs only on the worker of its site.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkersTests(PostgresServer server) : IDisposable
{
    private readonly TestFleets _fleets = new();

    [Fact]
    public async Task Two_workers_run_a_fleet_each_cluster_on_the_worker_of_its_site()
    {
        var database = FleetDatabase.Postgres(server.CreateDatabase("workers"));
        var seed = _fleets.Seed("two-sites", [TestFleets.Stage("canary", 1), TestFleets.Stage("wave", 4)], [["p01"], ["p02", "p03", "p04"]], sites: ["site-a", "site-b"]);
        using var runs = PostgresRunStore.Open(database.ConnectionString);
        await using (var client = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("client", [], 1), _fleets.StateDirectory, start: false, CancellationToken.None))
        {
            await client.SubmitAsync(seed, CancellationToken.None);
        }

        await using var workerA = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("worker-a", ["site-a"], 2), _fleets.StateDirectory, start: true, CancellationToken.None, runs);
        await using var workerB = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("worker-b", ["site-b"], 2), _fleets.StateDirectory, start: true, CancellationToken.None, runs);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await workerA.WaitAsync(seed.FleetId, untilGate: false, null, timeout.Token);

        var events = await workerA.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None);
        result.State.Should().Be(FleetRunState.Succeeded, string.Join("\n", events.Select(e => e.Message)));
        var startedOn = events.Where(e => e.Kind == FleetEventKinds.ClusterStarted).ToDictionary(e => e.Cluster!, e => e.Message);
        foreach (var cluster in seed.Clusters)
        {
            startedOn[cluster.Name].Should().Contain(cluster.Site == "site-a" ? "on worker-a" : "on worker-b");
        }

        (await workerB.Store.GetClusterReportAsync(seed.FleetId, "p03", CancellationToken.None)).Should().NotBeNullOrEmpty("reports are kept in the store the workers share");
    }

    public void Dispose() => _fleets.Dispose();
}
