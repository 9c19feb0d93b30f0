namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// Time for the executor: wall time against real clusters, virtual time against the simulator
/// (a delay there advances the simulated cluster's clock at once, so hours of waiting take milliseconds).
/// </summary>
public abstract class ExecutionClock
{
    public static readonly ExecutionClock System = new SystemExecutionClock();

    public abstract DateTimeOffset UtcNow { get; }

    public abstract Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    private sealed class SystemExecutionClock : ExecutionClock
    {
        public override DateTimeOffset UtcNow => TimeProvider.System.GetUtcNow();

        public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
    }
}
