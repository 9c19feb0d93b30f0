using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests.Running;

/// <summary>Fleets run in process on the embedded SQLite store, on the simulator's virtual time.</summary>
public sealed class EmbeddedFleetRunTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TestFleets _fleets = new();

    private async Task<(FleetHost Host, FleetRow Result)> RunAsync(FleetRunSeed seed, bool untilGate = false)
    {
        using var timeout = new CancellationTokenSource(Limit);
        var host = await FleetHost.OpenAsync(FleetDatabase.Sqlite(_fleets.DatabasePath), FleetSchedulerOptions.Embedded(2), _fleets.StateDirectory, start: true, timeout.Token);
        await host.SubmitAsync(seed, timeout.Token);
        return (host, await host.WaitAsync(seed.FleetId, untilGate, null, timeout.Token));
    }

    [Fact]
    public async Task A_two_stage_fleet_runs_to_completion()
    {
        var seed = _fleets.Seed("two-stage", [TestFleets.Stage("canary", 1), TestFleets.Stage("wave", 2)], [["c01"], ["c02", "c03"]]);
        var (host, result) = await RunAsync(seed);
        await using (host)
        {
            var why = string.Join(" | ", (await host.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None)).Select(e => e.Message));
            File.WriteAllText("/tmp/fleet-events.txt", string.Join("\n", (await host.Store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None)).Select(e => $"{e.At:HH:mm:ss.fff} {e.Message}")));
            result.State.Should().Be(FleetRunState.Succeeded, why);
            var status = await host.Store.GetStatusAsync("two-stage", CancellationToken.None);
            status!.Stages.SelectMany(s => s.Clusters).Should().OnlyContain(c => c.State == ClusterRunState.Done && c.RunId != null);
            (await host.Store.GetClusterReportAsync("two-stage", "c02", CancellationToken.None)).Should().NotBeNullOrEmpty();
        }
    }

    public void Dispose() => _fleets.Dispose();
}
