using System.Diagnostics;

namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <param name="IsProcessAlive">Whether a process with this id and start time still runs on this host.</param>
public sealed record RunLockOptions(
    TimeSpan LeaseDuration,
    TimeSpan HeartbeatInterval,
    string HostName,
    int ProcessId,
    DateTimeOffset ProcessStartTime,
    Func<int, DateTimeOffset, bool> IsProcessAlive)
{
    public static RunLockOptions ForCurrentProcess()
    {
        using var self = Process.GetCurrentProcess();
        return new RunLockOptions(
            TimeSpan.FromMinutes(2),
            TimeSpan.FromSeconds(30),
            Environment.MachineName,
            self.Id,
            self.StartTime.ToUniversalTime(),
            ProcessLiveness.IsAlive);
    }
}
