using System.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Tests.Execution;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>
/// The PostgreSQL store when its server answers, but slowly: statements that run past a shortened command timeout
/// (1 s here, 30 s by default) because another connection holds the tables, or because the statement itself takes
/// long. Writes under a claim are tried again for as long as the claim's lease lasts, far past the outage budget
/// (1 s here), and land exactly once; a renewal that times out never loses the claim.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSlowDatabaseTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Slowness = TimeSpan.FromSeconds(4);
    private readonly ManualTimeProvider _time = new();
    private readonly List<PostgresRunStore> _stores = [];

    [Fact]
    public async Task An_append_held_up_past_its_command_timeout_is_tried_again_until_it_lands_once()
    {
        var (store, database) = Open();
        using var claim = Claim(store, _time);
        using var journal = store.Journals.Open("run-1", claim);
        journal.Append(Record("a"));

        var slow = HeldTableLock.HoldFor(database, Slowness, "alu_run_journal", "alu_run_claims");
        var clock = Stopwatch.StartNew();
        journal.Append(Record("b"));
        await slow;

        clock.Elapsed.Should().BeGreaterThan(Slowness - TimeSpan.FromSeconds(0.5), "the append waited for the database");
        Steps(store).Should().Equal("a", "b");
        claim.Lost.Should().BeFalse();
    }

    [Fact]
    public void An_append_whose_insert_took_effect_after_its_timeout_is_not_written_twice()
    {
        var (store, database) = Open(";Cancellation Timeout=500");
        using var claim = Claim(store, _time);
        using var journal = store.Journals.Open("run-1", claim);
        journal.Append(Record("a"));
        // The next insert sleeps in a trigger and ignores Npgsql's cancel, so the client gives up on a statement
        // that the server then commits: the append is retried on a new connection while the first attempt is still
        // under way, and must find it rather than add the record again.
        Run(database, SlowNextInsert);

        journal.Append(Record("b"));
        journal.Append(Record("c"));

        Steps(store).Should().Equal("a", "b", "c");
        Run(database, "SELECT pending FROM alu_test_slow_inserts").Should().Be(0, "the slow insert did happen");
    }

    [Fact]
    public async Task A_renewal_held_up_past_its_command_timeout_neither_loses_the_claim_nor_gives_up_within_the_lease()
    {
        var (store, database) = Open();
        using var claim = Claim(store, _time, heartbeat: TimeSpan.FromSeconds(30));

        var slow = HeldTableLock.HoldFor(database, Slowness, "alu_run_claims");
        _time.Advance(TimeSpan.FromSeconds(30)); // the heartbeat renews on this thread, waiting for the database
        await slow;

        claim.Lost.Should().BeFalse();
        store.Claims.Peek("hci01")!.LeaseExpiresAt.Should().Be(_time.Now + TimeSpan.FromMinutes(2), "the renewal landed once the database answered");
    }

    [Fact]
    public async Task A_claim_whose_renewals_time_out_until_its_lease_ends_is_not_lost_and_renews_when_the_database_answers()
    {
        var (store, database) = Open();
        using var claim = Claim(store, TimeProvider.System, heartbeat: TimeSpan.FromSeconds(0.5), lease: TimeSpan.FromSeconds(2));

        await HeldTableLock.HoldFor(database, Slowness, "alu_run_claims");
        var renewed = await Eventually(() => store.Claims.Peek("hci01")!.LeaseExpiresAt > DateTimeOffset.UtcNow);

        renewed.Should().BeTrue("with nobody taking it over, the claim is renewed once the database answers");
        claim.Lost.Should().BeFalse("a lease that ran out while the database was slow is not a takeover");
    }

    [Fact]
    public async Task A_beat_due_while_a_renewal_waits_for_the_database_is_skipped_rather_than_queued_behind_it()
    {
        var (store, database) = Open();
        using var claim = Claim(store, _time, heartbeat: TimeSpan.FromSeconds(30));
        var slow = HeldTableLock.HoldFor(database, Slowness, "alu_run_claims");
        var beats = _time.AdvanceQueuingCallbacks(TimeSpan.FromSeconds(60));

        var first = Task.Factory.StartNew(beats[0], CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        (await Eventually(() => RenewalsWaiting(database) > 0)).Should().BeTrue("the first renewal waits for the table lock");
        var second = Task.Factory.StartNew(beats[1], CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        (await Task.WhenAny(second, slow)).Should().BeSameAs(second, "the second beat is skipped, not held up behind the first renewal");
        await slow;
        await first;
        claim.Lost.Should().BeFalse();
        store.Claims.Peek("hci01")!.LeaseExpiresAt.Should().Be(_time.Now + TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData("statement_timeout")]
    [InlineData("lock_timeout")]
    public async Task An_append_the_server_cancels_for_its_own_timeout_is_tried_again_like_one_past_the_command_timeout(string setting)
    {
        // The server gives up first (57014 for statement_timeout, 55P03 for lock_timeout), long before the client would.
        var (store, database) = Open($";Options=-c {setting}=300", commandTimeout: TimeSpan.FromSeconds(30));
        using var claim = Claim(store, _time);
        using var journal = store.Journals.Open("run-1", claim);
        journal.Append(Record("a"));

        var slow = HeldTableLock.HoldFor(database, TimeSpan.FromSeconds(2), "alu_run_journal", "alu_run_claims");
        journal.Append(Record("b"));
        await slow;

        Steps(store).Should().Equal("a", "b");
        claim.Lost.Should().BeFalse();
    }

    [Fact]
    public async Task A_read_slow_past_the_outage_budget_stops_with_ALU7201_saying_the_database_was_too_slow()
    {
        var (store, database) = Open();
        using (var journal = store.Journals.Open("run-1", fence: null))
        {
            journal.Append(Record("a"));
        }

        var slow = HeldTableLock.HoldFor(database, Slowness, "alu_runs", "alu_run_journal");
        var read = () => store.Journals.Read("run-1");

        read.Should().Throw<RunStoreUnavailableException>().Which.Message.Should()
            .StartWith("ALU7201: the run store database ")
            .And.Contain(" was too slow to read the journal of run run-1: each of 1 attempt(s) over 1 s ran past the 1 s command timeout; last error: ")
            .And.EndWith(". Nothing more was written; the run continues from its journal once the database answers again (resume it).");
        await slow;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    private const string SlowNextInsert = """
        CREATE TABLE alu_test_slow_inserts (pending integer NOT NULL);
        INSERT INTO alu_test_slow_inserts VALUES (1);
        CREATE FUNCTION alu_test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT pending FROM alu_test_slow_inserts) > 0 THEN
                UPDATE alu_test_slow_inserts SET pending = pending - 1;
                BEGIN
                    PERFORM pg_sleep(3);
                EXCEPTION WHEN query_canceled THEN
                    PERFORM pg_sleep(2);
                END;
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER alu_test_slow_insert AFTER INSERT ON alu_run_journal FOR EACH ROW EXECUTE FUNCTION alu_test_slow_insert();
        """;

    private (PostgresRunStore Store, string Database) Open(string connectionOptions = "", TimeSpan? commandTimeout = null)
    {
        var database = server.CreateDatabase("slow");
        var store = PostgresRunStore.Open(new PostgresRunStoreOptions(database + connectionOptions, OutageBudget: TimeSpan.FromSeconds(1), CommandTimeout: commandTimeout ?? CommandTimeout));
        _stores.Add(store);
        return (store, database);
    }

    private static IRunClaim Claim(IRunStore store, TimeProvider time, TimeSpan? heartbeat = null, TimeSpan? lease = null) =>
        store.Claims.Acquire("hci01", "run-1", time,
            new RunLockOptions(lease ?? TimeSpan.FromMinutes(2), heartbeat ?? TimeSpan.FromHours(1), "this-host", 100, time.GetUtcNow(), (_, _) => true));

    private static object? Run(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static long RenewalsWaiting(string database) => (long)Run(database,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE alu_run_claims%'")!;

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
        {
            if (condition())
            {
                return true;
            }
        }

        return false;
    }

    private static JournalRecord Record(string step) => new() { Type = JournalRecordTypes.StepStarted, RunId = "run-1", StepId = step };

    private static IEnumerable<string?> Steps(IRunStore store) => store.Journals.Read("run-1").Records.Select(r => r.StepId);
}
