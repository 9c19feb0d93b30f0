using System.Collections.Concurrent;

namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>
/// The exclusion behind every change of a cluster's claim and every journal write under it:
/// <c>locks/&lt;cluster&gt;.guard</c> opened with FileShare.None, which .NET takes as an exclusive flock(2) on Unix and
/// a sharing lock on Windows. The kernel drops it when the holder dies, so a killed process never leaves it taken.
/// Inside one process a per-file monitor serialises first, so the file lock is only contended between processes.
/// It is held for microseconds (read a small file, write a small file); a process stopped (SIGSTOP) inside that
/// window makes the others wait, and after <see cref="Timeout"/> they give up with a message saying so.
/// </summary>
internal static class LockFileGuard
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(2);
    private static readonly ConcurrentDictionary<string, Lock> ProcessLocks = new(StringComparer.Ordinal);

    public static Scope Enter(string guardPath) => Enter(guardPath, Timeout);

    /// <param name="timeout">How long to wait for the guard; <see cref="Timeout"/> but in tests of the waiting itself.</param>
    internal static Scope Enter(string guardPath, TimeSpan timeout)
    {
        var monitor = ProcessLocks.GetOrAdd(guardPath, _ => new Lock());
        if (!monitor.TryEnter(timeout))
        {
            throw new IOException($"Timed out after {timeout.TotalSeconds:0} s waiting for {guardPath} inside this process.");
        }

        try
        {
            return new Scope(monitor, OpenExclusive(guardPath, timeout));
        }
        catch
        {
            monitor.Exit();
            throw;
        }
    }

    private static FileStream OpenExclusive(string guardPath, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(guardPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Retry);
            }
            catch (IOException error)
            {
                throw new IOException(
                    $"Another alu process has held {guardPath} for over {timeout.TotalSeconds:0} s. If an alu process is stopped " +
                    "(Ctrl-Z, SIGSTOP, a paused VM), continue it (fg, kill -CONT) or end it, then try again.", error);
            }
        }
    }

    /// <summary>Holds the guard until disposed: the file lock first, then the monitor.</summary>
    public readonly struct Scope(Lock monitor, FileStream file) : IDisposable
    {
        public void Dispose()
        {
            file.Dispose();
            monitor.Exit();
        }
    }
}
