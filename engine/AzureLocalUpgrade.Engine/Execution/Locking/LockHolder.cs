namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>The content of <c>locks/&lt;cluster&gt;.json</c>: who holds the cluster, and until when.</summary>
/// <param name="Status">running (lease renewed by a heartbeat) | paused (kept without expiry until resumed).</param>
/// <param name="Epoch">The fencing token: every claim of this cluster gets a higher one than any before it.</param>
/// <param name="LeaseExpiresAt">Wall-clock time after which a running claim may be taken over; null while paused.</param>
public sealed record LockHolder(
    string RunId,
    string Cluster,
    string Host,
    int ProcessId,
    DateTimeOffset ProcessStartTime,
    DateTimeOffset AcquiredAt,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset? LeaseExpiresAt,
    string Status,
    string? PausedReason,
    long Epoch = 0)
{
    public const string Running = "running";
    public const string Paused = "paused";

    public string Describe() => Status == Paused
        ? $"run {RunId} (paused since {HeartbeatAt:u}: {PausedReason ?? "resumable"}; host {Host}). Continue it with: alu resume {RunId}"
        : $"run {RunId} (host {Host}, process {ProcessId}, last heartbeat {HeartbeatAt:u}, lease until {LeaseExpiresAt:u})";
}
