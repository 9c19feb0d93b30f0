using System.Collections.Concurrent;
using System.Text;

namespace AzureLocalUpgrade.Simulation.Persistence;

/// <summary>
/// simulation.json for one cluster, safe against processes killed at any instant (alu run may be SIGKILLed and
/// resumed) and against two processes working on the same cluster:
/// <list type="bullet">
/// <item>a write goes to a temp file that is flushed to disk and then renamed over simulation.json, so the file is
/// always one complete state, the old or the new; a killed writer leaves at most a stray temp file, removed later;</item>
/// <item>every read-change-write holds simulation.lock opened with FileShare.None, which .NET takes as an exclusive
/// flock(2) on Unix and a sharing lock on Windows: other processes wait, and the kernel drops the lock when a holder
/// dies, so a killed process never leaves the cluster locked. Inside one process a per-file monitor serialises
/// instances first, so the file lock is only ever contended between processes;</item>
/// <item>whether another process changed the state is decided by comparing the file's text with what this store last
/// read or wrote, never by timestamps, which coarse file systems would let two writes share.</item>
/// </list>
/// </summary>
internal sealed class StateStore
{
    private const string TempSuffix = ".tmp";
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<string, object> ProcessLocks = new(StringComparer.Ordinal);

    private readonly string _lockPath;
    private string? _lastText;

    public StateStore(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "simulation.json");
        _lockPath = Path.Combine(folder, "simulation.lock");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public bool Exists => File.Exists(FilePath);

    /// <summary>The saved text when it differs from what this store last read or wrote; null when unchanged or absent.</summary>
    public string? ReadIfChanged()
    {
        if (!Exists)
        {
            return null;
        }

        var text = File.ReadAllText(FilePath, Encoding.UTF8);
        if (text == _lastText)
        {
            return null;
        }

        _lastText = text;
        return text;
    }

    public string Read()
    {
        _lastText = File.ReadAllText(FilePath, Encoding.UTF8);
        return _lastText;
    }

    /// <summary>Replaces the saved state atomically. Call only while holding <see cref="Lock"/>.</summary>
    public void Write(string json)
    {
        Directory.CreateDirectory(Folder);
        var temp = $"{FilePath}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(new UTF8Encoding(false).GetBytes(json));
            // On disk before the rename makes it the state: a power cut cannot leave an empty simulation.json.
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, FilePath, overwrite: true);
        _lastText = json;
    }

    /// <summary>Holds the cluster's lock (this process's monitor, then the cross-process file lock) until disposed.</summary>
    public IDisposable Lock()
    {
        Directory.CreateDirectory(Folder);
        var monitor = ProcessLocks.GetOrAdd(Path.GetFullPath(_lockPath), _ => new object());
        if (!Monitor.TryEnter(monitor, LockTimeout))
        {
            throw new IOException($"Timed out after {LockTimeout.TotalMinutes} minutes waiting for the simulated cluster's lock ({_lockPath}) inside this process.");
        }

        try
        {
            var file = AcquireFileLock();
            RemoveStrayTempFiles();
            return new Held(file, monitor);
        }
        catch
        {
            Monitor.Exit(monitor);
            throw;
        }
    }

    private FileStream AcquireFileLock()
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(LockRetry);
            }
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

    private sealed class Held(FileStream file, object monitor) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                file.Dispose();
                Monitor.Exit(monitor);
            }
        }
    }
}
