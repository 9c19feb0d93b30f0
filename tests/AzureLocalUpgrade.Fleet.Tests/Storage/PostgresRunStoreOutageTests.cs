using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using Npgsql;

using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>
/// The PostgreSQL store when its server goes away: a restart (clean or a crash) in the middle of an append or a claim
/// is ridden out by reconnecting, nothing acknowledged is lost and nothing lands twice; an outage longer than the
/// budget stops the operation with ALU7201 and leaves the stored run as it was.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRunStoreOutageTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan Restart = TimeSpan.FromSeconds(1.5);
    private readonly ManualTimeProvider _time = new();
    private readonly List<PostgresRunStore> _stores = [];

    [Theory]
    [InlineData(PostgresStopMode.Fast)]
    [InlineData(PostgresStopMode.Immediate)]
    public async Task An_append_made_while_the_server_restarts_waits_for_it_and_lands_once(PostgresStopMode mode)
    {
        var store = Open();
        using var claim = Claim(store, "run-1");
        using var journal = store.Journals.Open("run-1", claim);
        journal.Append(Record("a"));

        server.Stop(mode);
        var append = Task.Factory.StartNew(() => journal.Append(Record("b")), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.Delay(Restart);
        server.Start();
        await append;

        Steps(store, "run-1").Should().Equal("a", "b");
        claim.Lost.Should().BeFalse();
    }

    [Fact]
    public void Records_acknowledged_before_a_server_crash_are_all_there_after_it()
    {
        var store = Open();
        using var claim = Claim(store, "run-1");
        using var journal = store.Journals.Open("run-1", claim);
        journal.Append(Record("a"));
        journal.Append(Record("b"));

        server.Stop(PostgresStopMode.Immediate);
        server.Start();
        journal.Append(Record("c"));

        Steps(store, "run-1").Should().Equal("a", "b", "c");
        store.Claims.Peek("hci01")!.Epoch.Should().Be(claim.Epoch);
    }

    [Fact]
    public async Task A_claim_made_while_the_server_restarts_is_granted_once_it_is_back()
    {
        var store = Open();

        server.Stop();
        var claiming = Task.Factory.StartNew(() => Claim(store, "run-1"), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.Delay(Restart);
        server.Start();
        using var claim = await claiming;

        claim.Epoch.Should().Be(1);
        store.Claims.Peek("hci01")!.RunId.Should().Be("run-1");
    }

    [Fact]
    public void A_heartbeat_during_an_outage_neither_throws_nor_loses_the_claim_and_the_next_one_renews()
    {
        var store = Open(budget: TimeSpan.FromMilliseconds(300));
        using var claim = Claim(store, "run-1", heartbeat: TimeSpan.FromSeconds(30));

        server.Stop();
        _time.Advance(TimeSpan.FromSeconds(30));
        server.Start();
        _time.Advance(TimeSpan.FromSeconds(30));

        claim.Lost.Should().BeFalse();
        store.Claims.Peek("hci01")!.LeaseExpiresAt.Should().Be(_time.Now + TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void An_outage_longer_than_the_budget_stops_the_append_with_ALU7201_and_changes_nothing()
    {
        var store = Open(budget: TimeSpan.FromSeconds(1));
        using var claim = Claim(store, "run-1");
        using var journal = store.Journals.Open("run-1", claim);
        journal.Append(Record("a"));

        server.Stop();
        var append = () => journal.Append(Record("b"));
        try
        {
            append.Should().Throw<RunStoreUnavailableException>()
                .Which.Message.Should().StartWith("ALU7201: ").And.Contain("append to the journal of run run-1").And.Contain("resume");
        }
        finally
        {
            server.Start();
        }

        Steps(store, "run-1").Should().Equal("a");
        store.Claims.Peek("hci01")!.Epoch.Should().Be(claim.Epoch);
    }

    [Fact]
    public void Workers_opening_the_store_at_once_create_the_tables_once()
    {
        var database = server.CreateDatabase("schema");

        Parallel.For(0, 4, _ => PostgresRunStore.Open(database).Dispose());

        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM alu_run_store_version", connection);
        count.ExecuteScalar().Should().Be(1L);
    }

    [Fact]
    public void A_database_written_by_a_newer_alu_is_refused_with_ALU7202()
    {
        var database = server.CreateDatabase("newer");
        PostgresRunStore.Open(database).Dispose();
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            using var newer = new NpgsqlCommand("UPDATE alu_run_store_version SET version = 99", connection);
            newer.ExecuteNonQuery();
        }

        var open = () => PostgresRunStore.Open(database);

        open.Should().Throw<InvalidOperationException>().Which.Message.Should().StartWith("ALU7202: ").And.Contain("store version 99");
    }

    [Fact]
    public void A_connection_string_that_is_not_one_is_refused_with_ALU7200()
    {
        var open = () => PostgresRunStore.Open("Host=127.0.0.1;Nonsense Key=1");

        open.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("ALU7200: ");
    }

    public void Dispose()
    {
        if (!server.IsRunning)
        {
            server.Start();
        }

        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    private PostgresRunStore Open(TimeSpan? budget = null)
    {
        var store = PostgresRunStore.Open(new PostgresRunStoreOptions(server.CreateDatabase("outage"), budget ?? TimeSpan.FromSeconds(30)));
        _stores.Add(store);
        return store;
    }

    private IRunClaim Claim(IRunStore store, string runId, TimeSpan? heartbeat = null) =>
        store.Claims.Acquire("hci01", runId, _time,
            new RunLockOptions(TimeSpan.FromMinutes(2), heartbeat ?? TimeSpan.FromHours(1), "this-host", 100, _time.Now, (_, _) => true));

    private static JournalRecord Record(string step) => new() { Type = JournalRecordTypes.StepStarted, RunId = "run-1", StepId = step };

    private static IEnumerable<string?> Steps(IRunStore store, string runId) => store.Journals.Read(runId).Records.Select(r => r.StepId);
}
