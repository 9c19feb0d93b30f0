using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;
using Npgsql;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>
/// A claim held in <c>alu_run_claims</c>. Every change (renew, pause, release) is an UPDATE that matches this
/// claim's epoch; when it matches nothing, another worker took the cluster over and this claim is <see cref="Lost"/>.
/// Journal appends are fenced in the database by <see cref="PostgresRunJournal"/>; <see cref="Guard"/> holds the row
/// (FOR SHARE) around any other write, so a takeover waits for it. A slow database does not lose the claim: a renewal
/// (or any write under it) whose statement times out is tried again until the lease ends, and one that still did not
/// land is given up without marking the claim lost; only a takeover, seen as an UPDATE that matches nothing, does.
/// </summary>
internal sealed class PostgresRunClaim : IRunClaim
{
    private readonly PostgresConnector _connector;
    private readonly TimeProvider _time;
    private readonly RunLockOptions _options;
    private readonly Lock _gate = new();
    private ITimer? _heartbeat;
    private volatile LockHolder _holder; // written under _gate; read without it, so an append never waits for a slow renewal
    private int _renewing;
    private bool _released;

    public PostgresRunClaim(PostgresConnector connector, LockHolder holder, TimeProvider time, RunLockOptions options, LockTakeover? takeover)
    {
        _connector = connector;
        _holder = holder;
        _time = time;
        _options = options;
        Takeover = takeover;
    }

    public LockHolder Holder => _holder;

    public long Epoch => Holder.Epoch;

    public LockTakeover? Takeover { get; }

    public bool Lost { get; private set; }

    /// <summary>How long the lease lasts from now, as last renewed (zero for a paused claim, which has none).</summary>
    internal TimeSpan LeaseLeft
    {
        get
        {
            var now = _time.GetUtcNow();
            return _holder.LeaseExpiresAt is { } end && end > now ? end - now : TimeSpan.Zero;
        }
    }

    /// <summary>What <see cref="PostgresConnector.Execute{T}"/> bounds a fenced write's retries by: this claim's lease,
    /// when <paramref name="fence"/> is a claim held in PostgreSQL; otherwise null (the outage budget alone).</summary>
    internal static Func<TimeSpan>? LeaseOf(IRunClaim? fence) => fence is PostgresRunClaim held ? () => held.LeaseLeft : null;

    public void Guard(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            var wrote = false;
            _connector.Execute($"check the claim on cluster {_holder.Cluster}", connection =>
            {
                if (wrote)
                {
                    return; // the write ran and only the commit of the row lock failed: never write twice
                }

                using var transaction = connection.BeginTransaction();
                using var check = new NpgsqlCommand(
                    "SELECT 1 FROM alu_run_claims WHERE cluster = @cluster AND epoch = @epoch AND status <> @released FOR SHARE", connection, transaction);
                AddIdentity(check);
                if (Lost || check.ExecuteScalar() is null)
                {
                    throw LostNow();
                }

                wrote = true;
                write();
                transaction.Commit();
            }, () => LeaseLeft);
        }
    }

    public void MarkPaused(string reason)
    {
        StopHeartbeat();
        lock (_gate)
        {
            var paused = _holder with { Status = LockHolder.Paused, PausedReason = reason, HeartbeatAt = _time.GetUtcNow(), LeaseExpiresAt = null };
            if (Update("pause the claim", paused, "status = @status, lease_expires_at = NULL, holder = @holder"))
            {
                _holder = paused;
            }
        }
    }

    public void Release()
    {
        StopHeartbeat();
        lock (_gate)
        {
            if (_released)
            {
                return;
            }

            _released = true;
            try
            {
                Update("release the claim", _holder with { Status = ClaimRow.ReleasedStatus }, "status = @status, lease_expires_at = NULL");
            }
            catch (RunStoreUnavailableException)
            {
                // Not released, so it ends as any claim of a vanished holder does: its lease runs out. Releasing happens
                // on the way out of a run, often while another error is being reported; this must not replace it.
            }
        }
    }

    public void Dispose() => StopHeartbeat();

    internal void StartHeartbeat() =>
        _heartbeat = _time.CreateTimer(_ => Renew(), null, _options.HeartbeatInterval, _options.HeartbeatInterval);

    /// <summary>Marks the claim lost (an append under it was refused) and says who holds the cluster now.</summary>
    internal ClaimLostException LostNow()
    {
        Lost = true;
        string by;
        try
        {
            var now = new PostgresClaimStore(_connector).Peek(_holder.Cluster);
            by = now is null ? "nobody holds it now" : $"it is now held by {now.Describe()} with epoch {now.Epoch}";
        }
        catch (RunStoreUnavailableException)
        {
            by = "the database could not say who holds it now";
        }

        return new ClaimLostException(
            $"this process lost its claim on cluster {_holder.Cluster} (run {_holder.RunId}, epoch {_holder.Epoch}): another alu process took it over " +
            $"after the lease expired (this process was stopped, paused or cut off from the database for too long); {by}. This process wrote nothing more.");
    }

    private void Renew()
    {
        // A renewal slowed down by the database may outlast the heartbeat interval; the beats due meanwhile are skipped
        // rather than queued behind it (each would renew the same lease again).
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        try
        {
            RenewNow();
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    private void RenewNow()
    {
        lock (_gate)
        {
            if (_released || Lost || _holder.Status != LockHolder.Running)
            {
                return;
            }

            try
            {
                var now = _time.GetUtcNow();
                var renewed = _holder with { HeartbeatAt = now, LeaseExpiresAt = now + _options.LeaseDuration };
                if (Update("renew the claim", renewed, "lease_expires_at = @lease, holder = @holder", onlyRunning: true))
                {
                    _holder = renewed;
                }
            }
            catch (RunStoreUnavailableException)
            {
                // Unreachable past the outage budget, or too slow until the lease ended: not lost (nobody may have taken
                // the cluster over). A timer thread must not crash the process; the next beat tries again, and a
                // takeover meanwhile is seen then (the renewal matches nothing) or by the next append (refused).
            }
        }
    }

    /// <summary>Changes the row if and only if it still holds this claim's epoch; otherwise the claim is lost.</summary>
    private bool Update(string operation, LockHolder holder, string assignments, bool onlyRunning = false)
    {
        if (Lost)
        {
            return false;
        }

        var changed = _connector.Execute($"{operation} on cluster {holder.Cluster}", connection =>
        {
            using var update = new NpgsqlCommand(
                $"UPDATE alu_run_claims SET {assignments} WHERE cluster = @cluster AND epoch = @epoch AND status <> @released" +
                (onlyRunning ? " AND status = 'running'" : ""), connection);
            AddIdentity(update);
            update.Parameters.AddWithValue("status", holder.Status);
            update.Parameters.AddWithValue("holder", ClaimRow.Serialize(holder));
            update.Parameters.AddWithValue("lease", (object?)holder.LeaseExpiresAt?.ToUniversalTime() ?? DBNull.Value);
            return update.ExecuteNonQuery();
        }, () => LeaseLeft);
        if (changed == 0)
        {
            Lost = true;
        }

        return changed > 0;
    }

    private void AddIdentity(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("cluster", _holder.Cluster);
        command.Parameters.AddWithValue("epoch", _holder.Epoch);
        command.Parameters.AddWithValue("released", ClaimRow.ReleasedStatus);
    }

    private void StopHeartbeat()
    {
        _heartbeat?.Dispose();
        _heartbeat = null;
    }
}
