namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// Time for the executor: wall time against real clusters, virtual time against the simulator (a delay there costs
/// no wall time, so hours of waiting take milliseconds).
/// </summary>
public abstract class ExecutionClock
{
    public static readonly ExecutionClock System = new SystemExecutionClock();

    public abstract DateTimeOffset UtcNow { get; }

    public abstract Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>
    /// Work that runs alongside other work begins: the executor's loop, and each step, health gate and compensation
    /// task from its start until the loop has taken its result. A virtual clock moves only when every piece of work
    /// entered is waiting on it, so work in flight at once overlaps in virtual time as it does in real time (the
    /// simulator's discrete-event scheduler). Wall time passes by itself: nothing to count.
    /// </summary>
    public virtual void EnterWork()
    {
    }

    /// <summary>
    /// Work entered with <see cref="EnterWork"/> ends, or waits on something other than the clock (another step's turn
    /// on the same target); <paramref name="count"/> pieces at once. False when no work was counted (wall time, or a
    /// caller outside a run), so whoever hands work back on does not count it.
    /// </summary>
    public virtual bool LeaveWork(int count = 1) => false;

    /// <summary>
    /// Work entered with <see cref="EnterWork"/> that begins at the same instant as other work waits for its turn, taken
    /// by <paramref name="order"/>: a virtual clock lets such work go one piece at a time, so a run's journal comes out
    /// in the same order every time. Wall time runs it at once.
    /// </summary>
    public virtual Task TakeTurnAsync(string order) => Task.CompletedTask;

    private sealed class SystemExecutionClock : ExecutionClock
    {
        public override DateTimeOffset UtcNow => TimeProvider.System.GetUtcNow();

        public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
    }
}
