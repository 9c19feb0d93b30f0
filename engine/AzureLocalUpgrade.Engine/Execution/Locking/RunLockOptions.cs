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
    /// <summary>
    /// For tests only: a shorter lease (duration text, e.g. <c>3s</c>), so a test can stop a holder past its lease
    /// in seconds instead of minutes. The heartbeat then beats four times per lease, as with the default.
    /// </summary>
    public const string TestLeaseVariable = "ALU_TEST_LOCK_LEASE";

    public static RunLockOptions ForCurrentProcess()
    {
        using var self = Process.GetCurrentProcess();
        var lease = Text.DurationParser.TryParse(Environment.GetEnvironmentVariable(TestLeaseVariable), out var shortened) && shortened > TimeSpan.Zero
            ? shortened
            : TimeSpan.FromMinutes(2);
        return new RunLockOptions(
            lease,
            lease / 4,
            Environment.MachineName,
            self.Id,
            self.StartTime.ToUniversalTime(),
            ProcessLiveness.IsAlive);
    }
}
