using System.Diagnostics;

namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>Is the holder still there? The start time guards against a recycled process id.</summary>
public static class ProcessLiveness
{
    public static bool IsAlive(int processId, DateTimeOffset startTime)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && (process.StartTime.ToUniversalTime() - startTime.UtcDateTime).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            // No process has the id (ArgumentException), or it exited between the lookup and the reading of its
            // start time (InvalidOperationException): gone either way.
            return false;
        }
    }
}
