using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Reporting;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>
/// A whole simulated single-cluster run (shipped sconfig runbook, two-node 22H2 twin, real PowerShell host) with its
/// claim, journal and documents in PostgreSQL: interrupted mid-way (cancelled, or the database restarted under it)
/// and resumed, or slowed down past its command timeout, it ends exactly as the same run does uninterrupted on the
/// state folder's files.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SimulatedRunInPostgresTests : IDisposable, IClassFixture<UninterruptedRunOnFiles>
{
    private const string Cluster = "hci02";
    private readonly PostgresServer _server;
    private readonly string _database;
    private readonly PostgresRunStore _store;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alu-pg-run-" + Guid.NewGuid().ToString("N"));

    private readonly UninterruptedRunOnFiles _files;

    public SimulatedRunInPostgresTests(PostgresServer server, UninterruptedRunOnFiles files)
    {
        _server = server ?? throw new ArgumentNullException(nameof(server));
        _files = files;
        _database = server.CreateDatabase("simulated");
        _store = PostgresRunStore.Open(_database);
    }

    [Fact]
    public async Task A_run_cancelled_mid_way_and_resumed_from_postgres_ends_as_the_uninterrupted_run_on_files()
    {
        var (onFiles, fileStore, fileRun) = await UninterruptedOnFiles();
        using var cancel = new CancellationTokenSource();
        var finished = 0;
        var postgres = new SimulatedClusterRun(_store, Folder("pg"))
        {
            OnEvent = e =>
            {
                if (e.Kind == RunEventKind.StepFinished && ++finished == 5)
                {
                    cancel.Cancel();
                }
            },
        };

        var cancelled = await postgres.StartAsync(cancel.Token);
        cancelled.Outcome.Should().Be(RunOutcome.Cancelled);
        _store.Claims.Peek(Cluster)!.Status.Should().Be(LockHolder.Paused, "a cancelled run keeps its cluster until it is resumed");
        var resumed = await new SimulatedClusterRun(_store, postgres.StateDirectory).ResumeAsync(cancelled.RunId, CancellationToken.None);

        SameEnd(resumed, postgres, onFiles, fileStore, fileRun);
        _store.Journals.Read(resumed.RunId).Records.Should().Contain(r => r.Type == JournalRecordTypes.RunResumed);
    }

    [Fact]
    public async Task A_run_rides_out_a_postgres_restart_mid_way_and_ends_as_the_uninterrupted_run_on_files()
    {
        var (onFiles, fileStore, fileRun) = await UninterruptedOnFiles();
        Task? restart = null;
        var finished = 0;
        var postgres = new SimulatedClusterRun(_store, Folder("pg"))
        {
            OnEvent = e =>
            {
                if (e.Kind == RunEventKind.StepFinished && ++finished == 5)
                {
                    // The server goes down between two records; it is back 1.5 s later, while the run keeps appending.
                    _server.Stop();
                    restart = Task.Run(async () =>
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1.5));
                        _server.Start();
                    });
                }
            },
        };

        var result = await postgres.StartAsync(CancellationToken.None);
        await restart!;

        SameEnd(result, postgres, onFiles, fileStore, fileRun);
    }

    [Fact]
    public async Task A_run_rides_out_a_database_slower_than_its_command_timeout_and_its_journal_holds_the_records_of_the_uninterrupted_run()
    {
        var (onFiles, fileStore, fileRun) = await UninterruptedOnFiles();
        using var store = QuickToGiveUp();
        Task? slow = null;
        var finished = 0;
        var postgres = new SimulatedClusterRun(store, Folder("pg"))
        {
            OnEvent = e =>
            {
                if (e.Kind == RunEventKind.StepFinished && ++finished == 5)
                {
                    // Another connection holds the journal and the claims for 4 s: every append and renewal meanwhile
                    // waits in the server past its 1 s command timeout, is cancelled and tried again.
                    slow = HeldTableLock.HoldFor(_database, TimeSpan.FromSeconds(4), "alu_run_journal", "alu_run_claims");
                }
            },
        };

        var result = await postgres.StartAsync(CancellationToken.None);
        await slow!;

        SameEnd(result, postgres, onFiles, fileStore, fileRun);
        Records(store, result.RunId).Should().Equal(Records(fileStore, onFiles.RunId), "nothing was lost or written twice");
    }

    [Fact]
    public async Task A_database_slow_past_the_lease_stops_the_run_without_failing_a_step_and_resumed_it_ends_as_the_uninterrupted_run()
    {
        var (onFiles, fileStore, fileRun) = await UninterruptedOnFiles();
        using var store = QuickToGiveUp();
        var lease = RunLockOptions.ForCurrentProcess() with { LeaseDuration = TimeSpan.FromSeconds(2), HeartbeatInterval = TimeSpan.FromSeconds(0.5) };
        Task? slow = null;
        string? runId = null;
        var finished = 0;
        var postgres = new SimulatedClusterRun(store, Folder("pg"))
        {
            LockOptions = lease,
            OnEvent = e =>
            {
                runId = e.RunId;
                if (e.Kind == RunEventKind.StepFinished && ++finished == 5)
                {
                    // Held half a second past the lease: the append in flight gives up when the lease ends (ALU7201),
                    // and the database answers again soon after, when a failed step could still be written.
                    slow = HeldTableLock.HoldFor(_database, lease.LeaseDuration + TimeSpan.FromSeconds(0.5), "alu_run_journal", "alu_run_claims");
                }
            },
        };

        var start = () => postgres.StartAsync(CancellationToken.None);
        await start.Should().ThrowAsync<RunStoreUnavailableException>();
        await slow!;
        store.Journals.Read(runId!).Records.Should().NotContain(r => r.Type == JournalRecordTypes.StepFinished && r.Outcome == "failed",
            "the store's outage says nothing about the step it interrupted");
        var resumed = await new SimulatedClusterRun(store, postgres.StateDirectory) { LockOptions = lease }.ResumeAsync(runId!, CancellationToken.None);

        SameEnd(resumed, postgres, onFiles, fileStore, fileRun);
    }

    [Fact]
    public async Task The_report_of_a_run_in_postgres_is_built_from_the_store_and_kept_there()
    {
        var run = new SimulatedClusterRun(_store, Folder("pg"));
        var result = await run.StartAsync(CancellationToken.None);

        RunReportPublisher.Write(_store.Documents, result.RunId, RunReportBuilder.Build(_store, result.RunId, run.NodeBuilds(Cluster)));

        var markdown = System.Text.Encoding.UTF8.GetString(_store.Documents.Read(result.RunId, RunReportPublisher.MarkdownFileName)!);
        markdown.Should().Contain(result.RunId);
        _store.Documents.Read(result.RunId, RunReportPublisher.JUnitFileName).Should().NotBeNull();
        RunManifests.Read(_store.Documents, result.RunId, RunManifests.Name).Cluster.Should().Be(Cluster);
    }

    public void Dispose()
    {
        if (!_server.IsRunning)
        {
            _server.Start();
        }

        _store.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<(RunResult Result, IRunStore Store, SimulatedClusterRun Run)> UninterruptedOnFiles() =>
        (await _files.Result.Value, _files.Store, _files.Run);

    private void SameEnd(RunResult result, SimulatedClusterRun run, RunResult onFiles, IRunStore fileStore, SimulatedClusterRun fileRun)
    {
        onFiles.Outcome.Should().Be(RunOutcome.Succeeded);
        result.Outcome.Should().Be(onFiles.Outcome);
        result.ExitCode.Should().Be(onFiles.ExitCode);
        StepTable(_store, result.RunId).Should().Equal(StepTable(fileStore, onFiles.RunId));
        run.NodeBuilds(Cluster).Should().Equal(fileRun.NodeBuilds(Cluster));
        _store.Claims.Peek(Cluster).Should().BeNull("a finished run gives its cluster back");
        new RunStatusReader(_store).ListRuns().Should().ContainSingle(r => r.RunId == result.RunId).Which.State.Should().Be(RunState.Succeeded);
    }

    /// <summary>
    /// The journal's records without what differs between any two runs (run id, times, durations), in a fixed order:
    /// steps on different nodes run in parallel, so their records interleave differently from run to run.
    /// </summary>
    private static IEnumerable<string> Records(IRunStore store, string runId) =>
        store.Journals.Read(runId).Records
            .Select(r => System.Text.Json.JsonSerializer.Serialize(r with { Time = default, RunId = null, Duration = null, Run = null }, JournalJson.Options)
                .Replace(runId, "RUN", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The same database with a 1 s command timeout (Npgsql's default is 30 s) and a 1 s outage budget, so a test makes
    /// the database slower than both in seconds; a normal run never comes near either.
    /// </summary>
    private PostgresRunStore QuickToGiveUp() =>
        PostgresRunStore.Open(new PostgresRunStoreOptions(_database, OutageBudget: TimeSpan.FromSeconds(1), CommandTimeout: TimeSpan.FromSeconds(1)));

    private static IEnumerable<string> StepTable(IRunStore store, string runId) =>
        new RunStatusReader(store).ReadRun(runId).Steps.Select(s => $"{s.StepId} {s.Status}");

    private string Folder(string name) => Path.Combine(_root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
}

/// <summary>The reference: the same run, uninterrupted, on the state folder's files; run once for the whole class.</summary>
public sealed class UninterruptedRunOnFiles : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-files-run-" + Guid.NewGuid().ToString("N"));

    public UninterruptedRunOnFiles()
    {
        Store = new FileRunStore(_state, JournalDurability.ProcessCrash);
        Run = new SimulatedClusterRun(Store, _state);
        Result = new Lazy<Task<RunResult>>(() => Run.StartAsync(CancellationToken.None));
    }

    public IRunStore Store { get; }

    internal SimulatedClusterRun Run { get; }

    public Lazy<Task<RunResult>> Result { get; }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
