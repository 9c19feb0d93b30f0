using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests.Running;

/// <summary>
/// ALU7105: the fleet plan checks windows before a run is recorded, so only a store written otherwise (another alu
/// version, a hand-edited row) can hand a cluster job a window that does not parse. The job fails that cluster with
/// the code and the window in its reason; the stage's failure budget decides the rest. No command line produces it.
/// </summary>
public sealed class ClusterWindowInvalidTests : IDisposable
{
    private readonly TestFleets _fleets = new();

    [Fact]
    public async Task A_recorded_window_that_does_not_parse_fails_its_cluster_with_ALU7105()
    {
        var seed = _fleets.Seed("bad-window", [TestFleets.Stage("only", 1, budget: 1)], [["w01"]]);
        seed = seed with { Clusters = [seed.Clusters[0] with { Windows = ["Sat 25:00-Sun 06:00"] }] };
        await using var host = await FleetHost.OpenAsync(FleetDatabase.Sqlite(_fleets.DatabasePath), FleetSchedulerOptions.Embedded(1), _fleets.StateDirectory, start: true, CancellationToken.None);
        await host.SubmitAsync(seed, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await host.WaitAsync(seed.FleetId, untilGate: false, null, timeout.Token);

        var cluster = (await host.Store.GetStatusAsync(seed.FleetId, CancellationToken.None))!.Stages[0].Clusters.Single();
        cluster.State.Should().Be(ClusterRunState.Failed);
        cluster.Reason.Should().Contain("ALU7105: cluster w01: window 'Sat 25:00-Sun 06:00'");
    }

    public void Dispose() => _fleets.Dispose();
}
