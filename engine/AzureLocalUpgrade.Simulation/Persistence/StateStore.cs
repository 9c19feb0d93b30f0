using System.Collections.Concurrent;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Simulation.Persistence;

/// <summary>
/// simulation.json for one cluster, safe against processes killed at any instant (alu run may be SIGKILLed and
/// resumed) and against two processes working on the same cluster:
/// <list type="bullet">
/// <item>a write goes to a temp file that is renamed over simulation.json, so the file is always one complete state,
/// the old or the new; a killed writer leaves at most a stray temp file, removed later. The temp file is not flushed
/// to disk first: a killed process's writes stay in the page cache, so the rename survives SIGKILL; only a power cut
/// or OS crash can lose recent changes, which a simulation accepts (docs/architecture.md, State on disk);</item>
/// <item>every read-change-write holds simulation.lock opened with FileShare.None, which .NET takes as an exclusive
/// flock(2) on Unix and a sharing lock on Windows: other processes wait, and the kernel drops the lock when a holder
/// dies, so a killed process never leaves the cluster locked. Inside one process a per-file monitor serialises
/// instances first, so the file lock is only ever contended between processes;</item>
/// <item>whether another writer changed the state is decided by a write token: every write first stores a fresh
/// random token in simulation.lock, then renames the new state into place. A store that finds the token it last
/// read or wrote knows the state is unchanged with one 16-byte read instead of reading the whole file; never by
/// timestamps, which coarse file systems would let two writes share. A writer killed between the two leaves a new
/// token over the old state, which only costs the next reader one needless re-read.</item>
/// </list>
/// </summary>
internal sealed class StateStore
{
    private const string TempSuffix = ".tmp";
    private const int TokenLength = 16;
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<string, object> ProcessLocks = new(StringComparer.Ordinal);

    private readonly string _lockPath;
    private readonly object _monitor;
    private FileStream? _lockFile;
    private Guid? _lastToken;
    private bool _straysRemoved;

    public StateStore(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "simulation.json");
        _lockPath = Path.Combine(folder, "simulation.lock");
        _monitor = ProcessLocks.GetOrAdd(Path.GetFullPath(_lockPath), _ => new object());
    }

    public string Folder { get; }

    public string FilePath { get; }

    public bool Exists => File.Exists(FilePath);

    /// <summary>
    /// The saved state when another writer saved one since this store last read or wrote; null when unchanged or
    /// absent. Call only while holding <see cref="Lock"/>.
    /// </summary>
    public byte[]? ReadIfChanged()
    {
        var token = ReadToken();
        if (token is not null && token == _lastToken)
        {
            return null;
        }

        if (!Exists)
        {
            return null;
        }

        _lastToken = token;
        return ReadFile();
    }

    /// <summary>The saved state. Call only while holding <see cref="Lock"/>.</summary>
    public byte[] Read()
    {
        _lastToken = ReadToken();
        return ReadFile();
    }

    // Through the bounded reader: a simulation.json replaced by a device, a FIFO or a huge file is refused by name.
    private byte[] ReadFile()
    {
        var read = InputFile.Read(FilePath, InputLimits.SimulationState);
        return read.Bytes ?? throw new SimulationStateUnusableException(FilePath, read.Describe());
    }

    /// <summary>Replaces the saved state atomically. Call only while holding <see cref="Lock"/>.</summary>
    public void Write(ReadOnlySpan<byte> json)
    {
        var lockFile = _lockFile ?? throw new InvalidOperationException("The simulated cluster's state is written only under its lock.");

        // The token first: a writer killed before its rename then costs readers a re-read, never a missed change.
        var token = Guid.NewGuid();
        lockFile.Position = 0;
        lockFile.Write(token.ToByteArray());
        lockFile.Flush();

        var temp = $"{FilePath}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}";
        using (var stream = InFolder(() => new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None)))
        {
            stream.Write(json);
        }

        File.Move(temp, FilePath, overwrite: true);
        _lastToken = token;
    }

    /// <summary>Holds the cluster's lock (this process's monitor, then the cross-process file lock) until disposed.</summary>
    public IDisposable Lock()
    {
        if (!Monitor.TryEnter(_monitor, LockTimeout))
        {
            throw new IOException($"Timed out after {LockTimeout.TotalMinutes} minutes waiting for the simulated cluster's lock ({_lockPath}) inside this process.");
        }

        try
        {
            _lockFile = AcquireFileLock();
            if (!_straysRemoved)
            {
                RemoveStrayTempFiles();
                _straysRemoved = true;
            }

            return new Held(this);
        }
        catch
        {
            _lockFile?.Dispose();
            _lockFile = null;
            Monitor.Exit(_monitor);
            throw;
        }
    }

    /// <summary>The token of the last write, or null when the lock file has none (new, or older than tokens).</summary>
    private Guid? ReadToken()
    {
        var lockFile = _lockFile ?? throw new InvalidOperationException("The simulated cluster's state is read only under its lock.");
        Span<byte> token = stackalloc byte[TokenLength];
        lockFile.Position = 0;
        return lockFile.ReadAtLeast(token, TokenLength, throwOnEndOfStream: false) == TokenLength ? new Guid(token) : null;
    }

    private FileStream AcquireFileLock()
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // No buffering: the token is read fresh under every lock, never from a stale buffer.
                return InFolder(() => new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(LockRetry);
            }
        }
    }

    /// <summary>
    /// Opens a file in the folder, creating the folder first only when it is missing. A simulated run locks, reads and
    /// writes the state thousands of times; creating the folder on every one of them (a stat and a mkdir each) was a
    /// measurable share of a fleet run's CPU (docs/performance.md), for a folder that exists after the first.
    /// </summary>
    private T InFolder<T>(Func<T> open)
    {
        try
        {
            return open();
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(Folder);
            return open();
        }
    }

    /// <summary>Temp files left by a writer killed before its rename: never the state, safe to drop under the lock.</summary>
    private void RemoveStrayTempFiles()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var stray in Directory.EnumerateFiles(Folder, Path.GetFileName(FilePath) + ".*" + TempSuffix))
        {
            try
            {
                File.Delete(stray);
            }
            catch (IOException)
            {
                // Another cleaner got there first; nothing to do.
            }
        }
    }

    private void Release()
    {
        _lockFile?.Dispose();
        _lockFile = null;
        Monitor.Exit(_monitor);
    }

    private sealed class Held(StateStore store) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                store.Release();
            }
        }
    }
}
