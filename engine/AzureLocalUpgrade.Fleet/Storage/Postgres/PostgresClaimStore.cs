using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// Cluster claims in <c>alu_run_claims</c>, one row per cluster, judged by the same rules as the lock files
/// (<see cref="RunLock.TakeoverOf"/>): a claim is taken over when its lease expired, its process on this host is gone,
/// or it is the paused claim of the run resuming. The row is locked (SELECT ... FOR UPDATE) while a claim is judged
/// and written, so two workers claiming at once are serialised by the database: one wins, the other is told who holds
/// the cluster. Every claim gets an epoch one higher than the row's last.
/// </summary>
internal sealed class PostgresClaimStore(PostgresConnector connector) : IClaimStore
{
    public IRunClaim Acquire(string cluster, string runId, TimeProvider time, RunLockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        options ??= RunLockOptions.ForCurrentProcess();
        var token = Guid.NewGuid();
        var (holder, takeover) = connector.Execute($"claim cluster {cluster}", connection =>
        {
            using var transaction = connection.BeginTransaction();
            using (var ensure = Command(connection, transaction,
                "INSERT INTO alu_run_claims (cluster, run_id, epoch, status, holder, claim_token) VALUES (@cluster, '', 0, 'released', '', @none) ON CONFLICT (cluster) DO NOTHING"))
            {
                ensure.Parameters.AddWithValue("cluster", cluster);
                ensure.Parameters.AddWithValue("none", Guid.Empty);
                ensure.ExecuteNonQuery();
            }

            var row = ClaimRow.Read(connection, transaction, cluster, forUpdate: true)!;
            if (row.Token == token)
            {
                // An earlier attempt of this very call committed, and only its reply was lost with the connection.
                return (row.Holder!, row.Takeover);
            }

            var now = time.GetUtcNow();
            LockTakeover? judged = null;
            if (row.Status != ClaimRow.ReleasedStatus)
            {
                judged = row.Holder is { } existing
                    ? RunLock.TakeoverOf(existing, runId, now, options) ?? throw new LockHeldException(existing)
                    : new LockTakeover(null, "the stored claim was unreadable; taken over as a stale claim", HolderMayStillRun: true);
            }

            var claimed = new LockHolder(runId, cluster, options.HostName, options.ProcessId, options.ProcessStartTime, now, now,
                now + options.LeaseDuration, LockHolder.Running, null, row.Epoch + 1);
            using (var write = Command(connection, transaction, """
                UPDATE alu_run_claims SET run_id = @run, epoch = @epoch, status = @status, lease_expires_at = @lease,
                    holder = @holder, claim_token = @token, takeover = @takeover
                WHERE cluster = @cluster
                """))
            {
                write.Parameters.AddWithValue("cluster", cluster);
                write.Parameters.AddWithValue("run", runId);
                write.Parameters.AddWithValue("epoch", claimed.Epoch);
                write.Parameters.AddWithValue("status", claimed.Status);
                write.Parameters.AddWithValue("lease", claimed.LeaseExpiresAt!.Value.ToUniversalTime());
                write.Parameters.AddWithValue("holder", ClaimRow.Serialize(claimed));
                write.Parameters.AddWithValue("token", token);
                write.Parameters.AddWithValue("takeover", judged is null ? DBNull.Value : JsonSerializer.Serialize(judged, JournalJson.Options));
                write.ExecuteNonQuery();
            }

            transaction.Commit();
            return (claimed, judged);
        });

        var claim = new PostgresRunClaim(connector, holder, time, options, takeover);
        claim.StartHeartbeat();
        return claim;
    }

    public LockHolder? Peek(string cluster) =>
        connector.Execute($"read the claim of cluster {cluster}", connection =>
            ClaimRow.Read(connection, null, cluster, forUpdate: false) is { } row && row.Status != ClaimRow.ReleasedStatus ? row.Holder : null);

    internal static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) => new(sql, connection, transaction);
}
