using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>
/// One run per cluster: <c>&lt;stateDir&gt;/locks/&lt;cluster&gt;.json</c>, created atomically. A heartbeat renews the
/// lease (wall clock, never the simulation clock). A stale claim (lease expired, or the holder process gone from this
/// host) is taken over by first moving it aside, which only one contender can do. A paused run keeps its claim
/// without expiry until it is resumed.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly TimeProvider _time;
    private readonly RunLockOptions _options;
    private readonly Lock _gate = new();
    private ITimer? _heartbeat;
    private LockHolder _holder;
    private bool _released;

    private RunLock(string path, LockHolder holder, TimeProvider time, RunLockOptions options, LockTakeover? takeover)
    {
        Path = path;
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

    /// <summary>Set when a stale or paused claim was taken over; journal it.</summary>
    public LockTakeover? Takeover { get; }

    /// <summary>True when another process replaced our claim (it judged us dead): stop as soon as possible.</summary>
    public bool Lost { get; private set; }

    public static string PathFor(string stateDirectory, string cluster) =>
        Inputs.StatePaths.Under(stateDirectory, "locks", RunId.Sanitize(cluster) + ".json");

    /// <summary>Reads the current claim, or null when the cluster is free.</summary>
    public static LockHolder? Peek(string stateDirectory, string cluster) => TryRead(PathFor(stateDirectory, cluster));

    /// <exception cref="LockHeldException">Another live or paused run holds the cluster.</exception>
    public static RunLock Acquire(string stateDirectory, string cluster, string runId, TimeProvider time, RunLockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        options ??= RunLockOptions.ForCurrentProcess();
        var path = PathFor(stateDirectory, cluster);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        LockTakeover? takeover = null;
        for (var round = 0; round < 5; round++)
        {
            var now = time.GetUtcNow();
            var holder = new LockHolder(runId, cluster, options.HostName, options.ProcessId, options.ProcessStartTime, now, now,
                now + options.LeaseDuration, LockHolder.Running, null);
            if (TryCreate(path, holder))
            {
                var claim = new RunLock(path, holder, time, options, takeover);
                claim.StartHeartbeat();
                return claim;
            }

            var existing = TryRead(path);
            if (existing is null)
            {
                // Being written right now by a contender, or removed in between: look again.
                Thread.Sleep(50);
                continue;
            }

            var reason = TakeoverReason(existing, runId, now, options)
                ?? throw new LockHeldException(existing);
            if (MoveAside(path, existing))
            {
                takeover = new LockTakeover(existing, reason);
            }
        }

        throw new IOException($"Could not claim {path}: it kept changing while being taken over. Try again.");
    }

    /// <summary>Keeps the claim while the run waits (gate, decision, window, cancellation): no expiry, no heartbeat.</summary>
    public void MarkPaused(string reason)
    {
        StopHeartbeat();
        lock (_gate)
        {
            _holder = _holder with { Status = LockHolder.Paused, PausedReason = reason, HeartbeatAt = _time.GetUtcNow(), LeaseExpiresAt = null };
            WriteIfOurs(_holder);
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
            var current = TryRead(Path);
            if (current is not null && IsOurs(current))
            {
                File.Delete(Path);
            }
        }
    }

    /// <summary>Stops the heartbeat without touching the file (a paused claim stays; <see cref="Release"/> frees).</summary>
    public void Dispose() => StopHeartbeat();

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
            if (_released || _holder.Status != LockHolder.Running)
            {
                return;
            }

            var now = _time.GetUtcNow();
            _holder = _holder with { HeartbeatAt = now, LeaseExpiresAt = now + _options.LeaseDuration };
            WriteIfOurs(_holder);
        }
    }

    private void WriteIfOurs(LockHolder holder)
    {
        var current = TryRead(Path);
        if (current is null || !IsOurs(current))
        {
            Lost = true;
            return;
        }

        var temp = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(holder, JournalJson.Indented));
        File.Move(temp, Path, overwrite: true);
    }

    private bool IsOurs(LockHolder current) =>
        current.RunId == _holder.RunId && current.ProcessId == _holder.ProcessId && current.Host == _holder.Host;

    private static string? TakeoverReason(LockHolder existing, string runId, DateTimeOffset now, RunLockOptions options)
    {
        if (existing.Status == LockHolder.Paused)
        {
            // Only the paused run itself may continue; anything else would interleave two runs on one cluster.
            return existing.RunId == runId ? $"resuming paused run {runId}" : null;
        }

        if (string.Equals(existing.Host, options.HostName, StringComparison.OrdinalIgnoreCase)
            && !options.IsProcessAlive(existing.ProcessId, existing.ProcessStartTime))
        {
            return $"holder process {existing.ProcessId} on {existing.Host} is gone";
        }

        return existing.LeaseExpiresAt is { } expiry && expiry < now
            ? $"lease expired at {expiry:u} (last heartbeat {existing.HeartbeatAt:u})"
            : null;
    }

    private static bool TryCreate(string path, LockHolder holder)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            JsonSerializer.Serialize(stream, holder, JournalJson.Indented);
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>Fencing: only one contender can move the stale file away; the loser finds it gone and looks again.</summary>
    private static bool MoveAside(string path, LockHolder judged)
    {
        var aside = path + ".stale-" + Guid.NewGuid().ToString("N");
        try
        {
            File.Move(path, aside);
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        var moved = TryRead(aside);
        if (moved is not null && moved != judged && !File.Exists(path))
        {
            // The holder renewed between our read and our move: it is alive after all. Put its claim back.
            File.Move(aside, path);
            throw new LockHeldException(moved);
        }

        File.Delete(aside);
        return true;
    }

    private static LockHolder? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path), JournalJson.Options);
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
