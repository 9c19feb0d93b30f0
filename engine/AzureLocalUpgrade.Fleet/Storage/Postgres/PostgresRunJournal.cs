using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// A run's journal open for appending to <c>alu_run_journal</c>. Under a claim every append is one statement that
/// inserts the record only if the claim row still holds this claim's epoch, reading that row FOR SHARE: a takeover
/// (which updates the row) waits for the append to commit, and an append after a takeover inserts nothing and is
/// refused with <see cref="ClaimLostException"/>. Each append carries its own id, so one retried after the server
/// went away between commit and reply, or whose statement timed out after its insert took effect, lands once. An
/// append slowed past its command timeout is tried again for as long as the claim's lease lasts (the fence refuses it
/// once the cluster was taken over). Returns once the record is committed.
/// </summary>
internal sealed class PostgresRunJournal(PostgresConnector connector, string runId, IRunClaim? fence) : IRunJournal
{
    private const string FencedInsert = """
        INSERT INTO alu_run_journal (run_id, append_id, epoch, record)
        SELECT @run, @append, c.epoch, @record FROM alu_run_claims c
        WHERE c.cluster = @cluster AND c.epoch = @epoch AND c.status <> @released
        FOR SHARE OF c
        ON CONFLICT (append_id) DO NOTHING
        """;

    private const string UnfencedInsert = """
        INSERT INTO alu_run_journal (run_id, append_id, record) VALUES (@run, @append, @record)
        ON CONFLICT (append_id) DO NOTHING
        """;

    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Always 0: a database row is committed whole or not at all.</summary>
    public long TornTailBytesDropped => 0;

    public void Append(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = JsonSerializer.Serialize(record, JournalJson.Options);
        var appendId = Guid.NewGuid();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var landed = connector.Execute($"append to the journal of run {runId}", connection =>
            {
                using var insert = new NpgsqlCommand(fence is null ? UnfencedInsert : FencedInsert, connection);
                insert.Parameters.AddWithValue("run", runId);
                insert.Parameters.AddWithValue("append", appendId);
                insert.Parameters.AddWithValue("record", line);
                if (fence is not null)
                {
                    insert.Parameters.AddWithValue("cluster", fence.Holder.Cluster);
                    insert.Parameters.AddWithValue("epoch", fence.Epoch);
                    insert.Parameters.AddWithValue("released", ClaimRow.ReleasedStatus);
                }

                return insert.ExecuteNonQuery() == 1 || AlreadyLanded(connection, appendId);
            }, PostgresRunClaim.LeaseOf(fence));
            if (!landed)
            {
                throw fence is PostgresRunClaim claim
                    ? claim.LostNow()
                    : new ClaimLostException($"the claim on cluster {fence!.Holder.Cluster} (epoch {fence.Epoch}) is no longer current; this process wrote nothing more.");
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    /// <summary>True when an earlier attempt of this append committed (its reply was lost with the connection).</summary>
    private static bool AlreadyLanded(NpgsqlConnection connection, Guid appendId)
    {
        using var check = new NpgsqlCommand("SELECT 1 FROM alu_run_journal WHERE append_id = @append", connection);
        check.Parameters.AddWithValue("append", appendId);
        return check.ExecuteScalar() is not null;
    }
}
