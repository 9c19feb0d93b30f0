using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Running.Progress;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests.Running.Progress;

/// <summary>A fleet run in process (embedded SQLite store, simulator time) records each running cluster's progress.</summary>
public sealed class EmbeddedFleetProgressTests : IDisposable
{
    private readonly TestFleets _fleets = new();

    [Fact]
    public async Task While_a_cluster_runs_its_row_holds_each_nodes_progress_and_when_done_every_node_is_done()
    {
        var seed = _fleets.Seed("progress", [TestFleets.Stage("only", 1)], [["p01"]]);
        await using var host = await FleetHost.OpenAsync(FleetDatabase.Sqlite(_fleets.DatabasePath), FleetSchedulerOptions.Embedded(1), _fleets.StateDirectory, start: true, CancellationToken.None);
        await host.SubmitAsync(seed, CancellationToken.None);

        // Read the store as the dashboard does, as often as it likes, until the fleet ends.
        var seenRunning = new List<ClusterRunStatus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        FleetStatus status;
        do
        {
            await Task.Delay(25, timeout.Token);
            status = (await host.Store.GetStatusAsync(seed.FleetId, timeout.Token))!;
            seenRunning.AddRange(status.Stages.SelectMany(s => s.Clusters).Where(c => c.State == ClusterRunState.Running && c.Nodes.Count > 0));
        }
        while (status.State is FleetRunState.Running);

        status.State.Should().Be(FleetRunState.Succeeded);
        seenRunning.Should().NotBeEmpty("a running cluster's nodes are recorded from its first event on");
        seenRunning.Should().OnlyContain(c => c.Nodes.Select(n => n.Node).SequenceEqual(new[] { "p01-n1", "p01-n2" }) && c.StepsTotal > 0 && c.Eta != null && c.EtaIsVirtualTime);
        seenRunning.Should().Contain(c => c.Nodes.Any(n => n.StepsDone > 0 && n.Build != null), "the run's steps and the twin's builds show up while it runs");

        var done = status.Stages.Single().Clusters.Single();
        done.State.Should().Be(ClusterRunState.Done);
        done.StepsDone.Should().Be(done.StepsTotal);
        done.Nodes.Should().OnlyContain(n => n.State == NodePhase.Done && n.StepsDone == n.StepsTotal && n.Build!.StartsWith("25398", StringComparison.Ordinal));
    }

    public void Dispose() => _fleets.Dispose();
}
