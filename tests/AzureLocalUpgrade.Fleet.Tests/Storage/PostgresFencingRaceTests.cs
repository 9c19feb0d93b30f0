using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Fleet.Tests.Postgres;
using Npgsql;

using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>
/// The race fencing exists for, played with a second session holding the claim row mid-transaction: an append and a
/// takeover of the same cluster never interleave. Whichever holds the claim row first, the other waits for it to
/// commit, so the new holder either sees the append or the append is refused.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFencingRaceTests : IDisposable
{
    private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(700);
    private readonly ManualTimeProvider _time = new();
    private readonly string _database;
    private readonly PostgresRunStore _store;

    public PostgresFencingRaceTests(PostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _database = server.CreateDatabase("race");
        _store = PostgresRunStore.Open(_database);
    }

    [Fact]
    public async Task An_append_racing_a_takeover_that_has_not_committed_waits_for_it_and_is_then_refused()
    {
        using var claim = _store.Claims.Acquire("hci01", "run-1", _time, Process(100));
        using var journal = _store.Journals.Open("run-1", claim);
        journal.Append(Record("a"));
        await using var takeover = await OpenSession();
        await using var transaction = await takeover.BeginTransactionAsync();
        await Execute(takeover, transaction, "UPDATE alu_run_claims SET epoch = epoch + 1, run_id = 'run-2' WHERE cluster = 'hci01'");

        var append = Task.Factory.StartNew(() => journal.Append(Record("b")), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        (await Task.WhenAny(append, Task.Delay(Blocked))).Should().NotBe(append, "the append must wait for the takeover in flight");
        await transaction.CommitAsync();

        await FluentActions.Awaiting(() => append).Should().ThrowAsync<ClaimLostException>();
        _store.Journals.Read("run-1").Records.Select(r => r.StepId).Should().Equal("a");
    }

    [Fact]
    public async Task A_takeover_racing_an_append_that_has_not_committed_waits_for_it_and_then_sees_it()
    {
        using var stale = _store.Claims.Acquire("hci01", "run-1", _time, Process(100));
        await using var appending = await OpenSession();
        await using var transaction = await appending.BeginTransactionAsync();
        // What the fenced append does, left uncommitted: the claim row held FOR SHARE, the record inserted.
        await Execute(appending, transaction, """
            INSERT INTO alu_run_journal (run_id, append_id, epoch, record)
            SELECT 'run-1', gen_random_uuid(), c.epoch, '{"type":"step-started","runId":"run-1","stepId":"a"}'
            FROM alu_run_claims c WHERE c.cluster = 'hci01' AND c.epoch = 1 FOR SHARE OF c
            """);
        _store.Journals.Open("run-1", null).Dispose();
        _time.Now += TimeSpan.FromMinutes(3);

        var takeover = Task.Factory.StartNew(() => _store.Claims.Acquire("hci01", "run-1", _time, Process(200)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        (await Task.WhenAny(takeover, Task.Delay(Blocked))).Should().NotBe(takeover, "the takeover must wait for the append in flight");
        await transaction.CommitAsync();
        using var current = await takeover;

        current.Epoch.Should().Be(2);
        _store.Journals.Read("run-1").Records.Select(r => r.StepId).Should().Equal("a");
    }

    public void Dispose() => _store.Dispose();

    private async Task<NpgsqlConnection> OpenSession()
    {
        var connection = new NpgsqlConnection(_database + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private RunLockOptions Process(int pid) => new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "other-host", pid, _time.Now, (_, _) => true);

    private static JournalRecord Record(string step) => new() { Type = JournalRecordTypes.StepStarted, RunId = "run-1", StepId = step };
}
