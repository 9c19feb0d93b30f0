using System.Globalization;
using System.Text;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>
/// One run per cluster: <c>&lt;stateDir&gt;/locks/&lt;cluster&gt;.json</c>. Every claim carries an epoch (a fencing
/// token) higher than any claim before it (<c>&lt;cluster&gt;.epoch</c> keeps the last one, so it survives a release).
/// Every change of the file (claim, renew, pause, release) and every journal write under the claim
/// (<see cref="Guard"/>) happens inside one exclusion, <see cref="LockFileGuard"/>, after checking the file still
/// holds this claim byte for byte; files are written to a temp file, fsynced and renamed, so a partial lock never
/// exists. A heartbeat renews the lease (wall clock, never the simulation clock). A stale claim (lease expired, the
/// holder process gone from this host, or an unreadable file) is taken over; a paused run keeps its claim without
/// expiry until it is resumed. A holder that finds its claim gone is <see cref="Lost"/> and writes nothing more.
/// </summary>
public sealed class RunLock : Storage.IRunClaim
{
    private readonly TimeProvider _time;
    private readonly RunLockOptions _options;
    private readonly Lock _gate = new();
    private readonly string _guardPath;
    private ITimer? _heartbeat;
    private LockHolder _holder;
    private byte[] _claim = [];
    private bool _released;

    private RunLock(string path, LockHolder holder, TimeProvider time, RunLockOptions options, LockTakeover? takeover)
    {
        Path = path;
        _guardPath = GuardPathFor(path);
        _holder = holder;
        _time = time;
        _options = options;
        Takeover = takeover;
    }

    public string Path { get; }

    public LockHolder Holder
    {
        get
        {
            lock (_gate)
            {
                return _holder;
            }
        }
    }

    public long Epoch => Holder.Epoch;

    /// <summary>Set when a stale or paused claim was taken over; journal it.</summary>
    public LockTakeover? Takeover { get; }

    /// <summary>True when another process replaced our claim (it judged us dead): nothing more may be written.</summary>
    public bool Lost { get; private set; }

    public static string PathFor(string stateDirectory, string cluster) =>
        Inputs.StatePaths.Under(stateDirectory, "locks", RunId.Sanitize(cluster) + ".json");

    /// <summary>Reads the current claim, or null when the cluster is free (or its lock file is unreadable).</summary>
    public static LockHolder? Peek(string stateDirectory, string cluster) => Parse(ReadBytes(PathFor(stateDirectory, cluster)));

    /// <exception cref="LockHeldException">Another live or paused run holds the cluster.</exception>
    public static RunLock Acquire(string stateDirectory, string cluster, string runId, TimeProvider time, RunLockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        options ??= RunLockOptions.ForCurrentProcess();
        var path = PathFor(stateDirectory, cluster);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var guard = LockFileGuard.Enter(GuardPathFor(path));
        var now = time.GetUtcNow();
        var bytes = ReadBytes(path);
        var existing = Parse(bytes);
        LockTakeover? takeover = null;
        if (bytes is not null)
        {
            // Under the guard nobody is half-way through writing, and writes are atomic: an unreadable file is a
            // leftover (an older alu killed mid-write, a damaged disk), not a claim being made.
            takeover = existing is null
                ? new LockTakeover(null, $"the lock file was unreadable ({Describe(bytes)}); taken over as a stale claim", HolderMayStillRun: true)
                : TakeoverOf(existing, runId, now, options) ?? throw new LockHeldException(existing);
        }

        var epoch = NextEpoch(path, existing);
        var holder = new LockHolder(runId, cluster, options.HostName, options.ProcessId, options.ProcessStartTime, now, now,
            now + options.LeaseDuration, LockHolder.Running, null, epoch);
        var claim = new RunLock(path, holder, time, options, takeover);
        claim.Write(holder);
        claim.StartHeartbeat();
        return claim;
    }

    /// <summary>Runs a journal write while holding the guard, if and only if the lock file still holds this claim.</summary>
    /// <exception cref="ClaimLostException">The claim was taken over (now or before); nothing was written.</exception>
    public void Guard(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            using var guard = LockFileGuard.Enter(_guardPath);
            if (!StillOurs())
            {
                throw new ClaimLostException(LostMessage());
            }

            write();
        }
    }

    /// <summary>Keeps the claim while the run waits (gate, decision, window, cancellation): no expiry, no heartbeat.</summary>
    public void MarkPaused(string reason)
    {
        StopHeartbeat();
        lock (_gate)
        {
            using var guard = LockFileGuard.Enter(_guardPath);
            if (StillOurs())
            {
                _holder = _holder with { Status = LockHolder.Paused, PausedReason = reason, HeartbeatAt = _time.GetUtcNow(), LeaseExpiresAt = null };
                Write(_holder);
            }
        }
    }

    /// <summary>Gives the cluster back. Does nothing when the claim is no longer ours.</summary>
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
            using var guard = LockFileGuard.Enter(_guardPath);
            if (StillOurs())
            {
                File.Delete(Path);
            }
        }
    }

    /// <summary>Stops the heartbeat without touching the file (a paused claim stays; <see cref="Release"/> frees).</summary>
    public void Dispose() => StopHeartbeat();

    private static string GuardPathFor(string lockPath) => System.IO.Path.ChangeExtension(lockPath, ".guard");

    private static string EpochPathFor(string lockPath) => System.IO.Path.ChangeExtension(lockPath, ".epoch");

    /// <summary>Whether <paramref name="existing"/> may be taken over by <paramref name="runId"/> now, and why; null when it is held. Every claim store judges by this.</summary>
    public static LockTakeover? TakeoverOf(LockHolder existing, string runId, DateTimeOffset now, RunLockOptions options)
    {
        if (existing.Status == LockHolder.Paused)
        {
            // Only the paused run itself may continue; anything else would interleave two runs on one cluster.
            return existing.RunId == runId ? new LockTakeover(existing, $"resuming paused run {runId}") : null;
        }

        if (string.Equals(existing.Host, options.HostName, StringComparison.OrdinalIgnoreCase)
            && !options.IsProcessAlive(existing.ProcessId, existing.ProcessStartTime))
        {
            return new LockTakeover(existing, $"holder process {existing.ProcessId} on {existing.Host} is gone");
        }

        // The holder may be alive but stopped (SIGSTOP, a paused VM): what it had in flight has an unknown outcome.
        return existing.LeaseExpiresAt is { } expiry && expiry < now
            ? new LockTakeover(existing, $"lease expired at {expiry:u} (last heartbeat {existing.HeartbeatAt:u})", HolderMayStillRun: true)
            : null;
    }

    /// <summary>Higher than the last epoch ever issued for this cluster, and than the claim being replaced.</summary>
    private static long NextEpoch(string lockPath, LockHolder? existing)
    {
        var epochPath = EpochPathFor(lockPath);
        var last = long.TryParse(ReadBytes(epochPath) is { } text ? Encoding.UTF8.GetString(text) : null, NumberStyles.None, CultureInfo.InvariantCulture, out var recorded) ? recorded : 0;
        var next = Math.Max(last, existing?.Epoch ?? 0) + 1;
        WriteAtomically(epochPath, Encoding.UTF8.GetBytes(next.ToString(CultureInfo.InvariantCulture)));
        return next;
    }

    private void StartHeartbeat() =>
        _heartbeat = _time.CreateTimer(_ => Renew(), null, _options.HeartbeatInterval, _options.HeartbeatInterval);

    private void StopHeartbeat()
    {
        _heartbeat?.Dispose();
        _heartbeat = null;
    }

    private void Renew()
    {
        lock (_gate)
        {
            if (_released || Lost || _holder.Status != LockHolder.Running)
            {
                return;
            }

            try
            {
                using var guard = LockFileGuard.Enter(_guardPath);
                if (StillOurs())
                {
                    var now = _time.GetUtcNow();
                    _holder = _holder with { HeartbeatAt = now, LeaseExpiresAt = now + _options.LeaseDuration };
                    Write(_holder);
                }
            }
            catch (IOException)
            {
                // A timer thread must not crash the process; the next beat tries again, and a lease that runs out
                // meanwhile is what a takeover is for.
            }
        }
    }

    /// <summary>The lock file holds exactly what this claim last wrote; anything else means it was taken over.</summary>
    private bool StillOurs()
    {
        if (!Lost && ReadBytes(Path) is { } current && current.AsSpan().SequenceEqual(_claim))
        {
            return true;
        }

        Lost = true;
        return false;
    }

    private string LostMessage()
    {
        var now = Parse(ReadBytes(Path));
        var by = now is null ? "nobody holds it now" : $"it is now held by {now.Describe()} with epoch {now.Epoch}";
        return $"this process lost its claim on cluster {_holder.Cluster} (run {_holder.RunId}, epoch {_holder.Epoch}): another alu process took it over " +
            $"after the lease expired (this process was stopped or paused for too long); {by}. This process wrote nothing more.";
    }

    private void Write(LockHolder holder)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(holder, JournalJson.Indented);
        WriteAtomically(Path, bytes);
        _claim = bytes;
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static byte[]? ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static LockHolder? Parse(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var holder = JsonSerializer.Deserialize<LockHolder>(bytes, JournalJson.Options);
            return holder is { RunId: not null, Host: not null, Status: not null } ? holder : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(byte[] bytes) => bytes.Length == 0 ? "0 bytes" : $"{bytes.Length} bytes, not a lock record";
}
