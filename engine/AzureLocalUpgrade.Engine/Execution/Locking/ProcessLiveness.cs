using System.ComponentModel;
using System.Diagnostics;

namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>Is the holder still there? The start time guards against a recycled process id.</summary>
public static class ProcessLiveness
{
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    public static bool IsAlive(int processId, DateTimeOffset startTime)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return Judge(() => process.HasExited, () => process.StartTime, startTime);
        }
        catch (ArgumentException)
        {
            return false; // no process has the id
        }
    }

    /// <summary>
    /// The decision, given how to read the process: a process that cannot be read is taken for alive, so a claim whose
    /// holder we cannot see is left to its lease instead of being taken over at once.
    /// </summary>
    internal static bool Judge(Func<bool> hasExited, Func<DateTime> readStartTime, DateTimeOffset claimedStart)
    {
        try
        {
            return !hasExited() && (readStartTime().ToUniversalTime() - claimedStart.UtcDateTime).Duration() < StartTimeTolerance;
        }
        catch (InvalidOperationException)
        {
            return false; // it exited between the lookup and the reading of its start time
        }
        catch (Win32Exception)
        {
            // Windows refuses to open another user's process (access denied), and Linux fails the same way when the
            // process is being reaped: neither says the holder is gone, so its lease decides.
            return true;
        }
    }
}
