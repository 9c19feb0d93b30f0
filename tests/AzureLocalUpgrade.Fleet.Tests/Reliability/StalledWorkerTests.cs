using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using AzureLocalUpgrade.Simulation;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Tests.Reliability;

/// <summary>
/// Two `alu fleet worker` processes of one site on PostgreSQL. The one running a cluster is stalled with SIGSTOP
/// until its Quartz check-in and its run lease have both expired, the other worker recovers the cluster's job and
/// takes the run over with a newer epoch, then the stalled one is woken with SIGCONT. Fencing holds: the woken
/// worker writes no journal record under its old epoch and records no result, the cluster is upgraded once, and
/// no node of it is drained or rebooted more often than the cluster that ran uninterrupted after it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StalledWorkerTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TestFleets _fleets = new();
    private readonly List<AluProcess> _workers = [];

    [Fact]
    public async Task A_worker_stalled_past_its_lease_and_woken_writes_nothing_and_nothing_runs_twice()
    {
        var connection = server.CreateDatabase("stalled");
        var database = FleetDatabase.Postgres(connection);
        // One at a time: st01 is the one stalled mid-run; st02 runs after it undisturbed, the baseline for counters.
        var seed = _fleets.Seed("stalled", [TestFleets.Stage("all", 1)], [["st01", "st02"]]);
        await using (var client = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker("client", [], 1), _fleets.StateDirectory, start: false, CancellationToken.None))
        {
            await client.SubmitAsync(seed, CancellationToken.None);
        }

        var workers = new Dictionary<string, AluProcess>(StringComparer.Ordinal) { ["w1"] = StartWorker(connection, "w1"), ["w2"] = StartWorker(connection, "w2") };
        var store = new FleetStore(database);
        var running = await FleetPolling.UntilAsync(
            async () => (await store.GetSnapshotAsync(seed.FleetId, CancellationToken.None))?.Clusters.SingleOrDefault(c => c.Cluster == "st01"),
            c => c.State == ClusterRunState.Running && c.RunId is not null && c.Holder is not null, Limit, "st01 should be running on a worker");
        var stalled = workers[running.Holder!];
        var other = running.Holder == "w1" ? "w2" : "w1";
        var runId = running.RunId!;

        stalled.Stall();
        try
        {
            // The other worker recovers the job (check-in expired), and its execution takes the run's claim over
            // (lease expired) and journals under a newer epoch, or finds the run already finished.
            await FleetPolling.UntilAsync(
                async () => (await store.GetSnapshotAsync(seed.FleetId, CancellationToken.None))?.Clusters.SingleOrDefault(c => c.Cluster == "st01"),
                c => (c.Holder == other && c.Epoch > running.Epoch && JournalEpochs(connection, runId).Count > 1) || c.State == ClusterRunState.Done,
                Limit, $"{other} should have recovered st01 and taken its run over");
        }
        finally
        {
            stalled.Continue();
        }

        var done = await FleetPolling.StatusUntilAsync(store, seed.FleetId, FleetPolling.Finished, Limit, "the fleet should finish");
        var log = await FleetPolling.EventsTextAsync(store, seed.FleetId);
        done.State.Should().Be(FleetRunState.Succeeded, log);
        var events = await store.GetEventsAsync(seed.FleetId, null, 0, CancellationToken.None);
        events.Where(e => e.Kind == FleetEventKinds.ClusterSucceeded).Select(e => e.Cluster).Should().Equal(["st01", "st02"], "each cluster is upgraded once\n" + log);
        await FleetPolling.UntilAsync(
            () => store.GetEventsAsync(seed.FleetId, "st01", 0, CancellationToken.None).ContinueWith(t => (IReadOnlyList<FleetEvent>?)t.Result, TaskScheduler.Default),
            e => e.Any(x => x.Kind == FleetEventKinds.ClusterFenced && x.Message.Contains("on " + running.Holder, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), "the woken worker's result should be refused (fenced), not recorded");

        // Nothing under the stale run epoch after the takeover: the woken worker's appends were all refused.
        LateRowsOfOldEpochs(connection, runId).Should().Be(0, "no journal row of an older epoch follows the first row of a newer one");
        (await store.GetSnapshotAsync(seed.FleetId, CancellationToken.None))!.Value.Clusters.Single(c => c.Cluster == "st01").Holder.Should().BeNull();
        var baseline = Counters("st02");
        Counters("st01").Should().Equal(baseline, "the stalled and recovered cluster drains and reboots no node more than an uninterrupted one");
    }

    private AluProcess StartWorker(string connection, string instanceId)
    {
        var environment = new Dictionary<string, string>
        {
            [RunLockOptions.TestLeaseVariable] = "4s",
            [FleetSchedulerOptions.TestCheckinVariable] = "1s",
        };
        var worker = AluProcess.Start(_fleets.Folder, environment,
            "fleet", "worker", "--db", connection, "--site", "site-a", "--instance-id", instanceId, "--state-dir", _fleets.StateDirectory, "--max-concurrent", "1");
        _workers.Add(worker);
        return worker;
    }

    private IEnumerable<(int Drains, int Reboots, int Updates)> Counters(string cluster) =>
        SimulatedCluster.ReadSnapshot(_fleets.StateDirectory, cluster)!.Nodes.Select(n => (n.Drains, n.Reboots, n.FeatureUpdatesApplied)).ToList();

    private static List<long> JournalEpochs(string connection, string runId)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var q = new NpgsqlCommand("SELECT DISTINCT epoch FROM alu_run_journal WHERE run_id = @run AND epoch IS NOT NULL", c);
        q.Parameters.AddWithValue("run", runId);
        using var r = q.ExecuteReader();
        var epochs = new List<long>();
        while (r.Read())
        {
            epochs.Add(r.GetInt64(0));
        }

        return epochs;
    }

    /// <summary>Journal rows written under some epoch after a row of a newer epoch was already there.</summary>
    private static long LateRowsOfOldEpochs(string connection, string runId)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var q = new NpgsqlCommand(
            "SELECT count(*) FROM alu_run_journal old WHERE old.run_id = @run AND EXISTS "
            + "(SELECT 1 FROM alu_run_journal newer WHERE newer.run_id = old.run_id AND newer.epoch > old.epoch AND newer.id < old.id)", c);
        q.Parameters.AddWithValue("run", runId);
        return (long)q.ExecuteScalar()!;
    }

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        _fleets.Dispose();
    }
}
