namespace AzureLocalUpgrade.Engine.Execution.Journal;

public sealed record JournalLockHolder(string RunId, string Host, int ProcessId, DateTimeOffset HeartbeatAt, string Status, string TakeoverReason);
