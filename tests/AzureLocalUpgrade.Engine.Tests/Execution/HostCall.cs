namespace AzureLocalUpgrade.Engine.Tests.Execution;

internal sealed record HostCall(string StepId, string? Node, DateTimeOffset At, bool IsGuard, TimeSpan? Timeout, IReadOnlyDictionary<string, object?> Parameters);
