using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using Quartz;

namespace AzureLocalUpgrade.Fleet.Tests.Running;

/// <summary>
/// Quartz recovers a dead worker's cluster job through a trigger without the site's execution group, which any
/// worker may fire. Such a firing must hand the cluster back to its own site's workers, never run it elsewhere.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RecoveryRoutingTests(PostgresServer server) : IDisposable
{
    private readonly TestFleets _fleets = new();

    [Fact]
    public async Task A_cluster_trigger_without_a_site_group_is_handed_to_the_workers_of_the_clusters_site()
    {
        var database = FleetDatabase.Postgres(server.CreateDatabase("rerouting"));
        var seed = _fleets.Seed("reroute", [TestFleets.Stage("canary", 1), TestFleets.Stage("wave", 4)], [["p01"], ["p02", "p03", "p04"]], sites: ["site-a", "site-b"]);
        var siteB = seed.Clusters.First(c => c.Site == "site-b").Name;
        using var runs = PostgresRunStore.Open(database.ConnectionString);
        await using (var client = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("client", [], 1), _fleets.StateDirectory, start: false, CancellationToken.None))
        {
            await client.SubmitAsync(seed, CancellationToken.None);
            // What Quartz's cluster recovery schedules for a job of a dead node: same job, no execution group.
            var recoveryLike = TriggerBuilder.Create().ForJob(FleetJobKeys.Cluster(seed.FleetId, siteB)).WithExecutionGroup(null).StartNow().Build();
            await client.Scheduler.ScheduleJob(recoveryLike, default, CancellationToken.None);
        }

        await using var workerA = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("worker-a", ["site-a"], 2), _fleets.StateDirectory, start: true, CancellationToken.None, runs);
        var rerouted = await WaitForEventAsync(workerA.Store, seed.FleetId, FleetEventKinds.ClusterRerouted, TimeSpan.FromMinutes(2));
        rerouted.Should().NotBeNull("worker-a (site-a) fired the ungrouped trigger of a site-b cluster and must hand it back");
        rerouted!.Cluster.Should().Be(siteB);

        await using var workerB = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("worker-b", ["site-b"], 2), _fleets.StateDirectory, start: true, CancellationToken.None, runs);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await workerA.WaitAsync(seed.FleetId, untilGate: false, null, timeout.Token);

        var events = await workerA.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None);
        result.State.Should().Be(FleetRunState.Succeeded, string.Join("\n", events.Select(e => e.Message)));
        foreach (var started in events.Where(e => e.Kind == FleetEventKinds.ClusterStarted))
        {
            var site = seed.Clusters.Single(c => c.Name == started.Cluster).Site;
            started.Message.Should().Contain(site == "site-a" ? "on worker-a" : "on worker-b");
        }
    }

    private static async Task<FleetEvent?> WaitForEventAsync(FleetStore store, string fleetId, string kind, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            var events = await store.GetEventsAsync(fleetId, null, 0, CancellationToken.None);
            if (events.FirstOrDefault(e => e.Kind == kind) is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        return null;
    }

    public void Dispose() => _fleets.Dispose();
}
