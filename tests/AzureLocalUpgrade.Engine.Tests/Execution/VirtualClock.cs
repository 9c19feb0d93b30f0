using AzureLocalUpgrade.Engine.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>Virtual time: a delay advances the clock at once and is recorded, so tests can read every wait.</summary>
internal sealed class VirtualClock : ExecutionClock
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = new(2026, 11, 23, 2, 15, 0, TimeSpan.Zero);

    public List<TimeSpan> Delays { get; } = [];

    public override DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            Delays.Add(delay);
            _now += delay;
        }

        return Task.Yield().AsTask();
    }
}
