using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;

namespace AzureLocalUpgrade.Fleet.Tests.Reliability;

/// <summary>
/// A cluster whose run store stays unreachable past its reconnect budget (ALU7201) is not a failed cluster: its
/// execution stops writing, the fleet events say it was queued again and why, and it resumes once the database is
/// back. (The fleet tables are in SQLite here, so only the run store's database goes away.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RunStoreUnreachableTests(PostgresServer server) : IDisposable
{
    private readonly TestFleets _fleets = new();

    [Fact]
    public async Task A_cluster_whose_run_store_is_unreachable_is_queued_again_not_failed_and_completes_when_it_is_back()
    {
        var options = new PostgresRunStoreOptions(server.CreateDatabase("unreachable"), OutageBudget: TimeSpan.FromSeconds(1));
        using var runs = PostgresRunStore.Open(options);
        var seed = _fleets.Seed("unreachable", [TestFleets.Stage("all", 1)], [["u01"]]);
        await using var host = await FleetHost.OpenAsync(FleetDatabase.Sqlite(_fleets.DatabasePath), FleetSchedulerOptions.Embedded(1), _fleets.StateDirectory, start: true, CancellationToken.None, runs);

        server.Stop();
        try
        {
            await host.SubmitAsync(seed, CancellationToken.None);
            await FleetPolling.UntilAsync(
                async () => (IReadOnlyList<FleetEvent>?)await host.Store.GetEventsAsync(seed.FleetId, "u01", 0, CancellationToken.None),
                events => events.Any(e => e.Message.Contains(RunStoreCodes.Unavailable, StringComparison.Ordinal)),
                TimeSpan.FromSeconds(60), "the cluster's execution should have met ALU7201");

            var status = await host.Store.GetStatusAsync(seed.FleetId, CancellationToken.None);
            var events = await FleetPolling.EventsTextAsync(host.Store, seed.FleetId);
            status.Should().NotBeNull();
            status!.Clusters().Single().State.Should().BeOneOf([ClusterRunState.Queued, ClusterRunState.Running], events);
            status!.State.Should().Be(FleetRunState.Running, events);
            events.Should().Contain("u01 queued again, not failed").And.NotContain(FleetEventKinds.ClusterFailed);
        }
        finally
        {
            server.Start();
        }

        var done = await FleetPolling.StatusUntilAsync(host.Store, seed.FleetId, FleetPolling.Finished, TimeSpan.FromMinutes(3), "the fleet should finish once the run store is back");
        done.State.Should().Be(FleetRunState.Succeeded, await FleetPolling.EventsTextAsync(host.Store, seed.FleetId));
    }

    public void Dispose() => _fleets.Dispose();
}
