namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>Wall time the test sets, for lock leases.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 2, 15, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
