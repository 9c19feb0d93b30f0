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
/// and resumed, it ends exactly as the same run does uninterrupted on the state folder's files.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SimulatedRunInPostgresTests : IDisposable, IClassFixture<UninterruptedRunOnFiles>
{
    private const string Cluster = "hci02";
    private readonly PostgresServer _server;
    private readonly PostgresRunStore _store;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alu-pg-run-" + Guid.NewGuid().ToString("N"));

    private readonly UninterruptedRunOnFiles _files;

    public SimulatedRunInPostgresTests(PostgresServer server, UninterruptedRunOnFiles files)
    {
        _server = server ?? throw new ArgumentNullException(nameof(server));
        _files = files;
        _store = PostgresRunStore.Open(server.CreateDatabase("simulated"));
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
