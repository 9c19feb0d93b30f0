namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>
/// Wall time the test sets, for lock leases. Timers (the lock's heartbeat) fire when the test moves time on with
/// <see cref="Advance"/>, synchronously and in due order; setting <see cref="Now"/> directly fires nothing.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];

    public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 2, 15, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    /// <summary>How many timers are still set to fire: a stopped heartbeat is not among them.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_timers)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    /// <summary>Moves time on, firing every timer as its due time is reached.</summary>
    public void Advance(TimeSpan by) => MoveOn(by, callback => callback());

    /// <summary>
    /// Moves time on like <see cref="Advance"/>, but hands back the callbacks that came due instead of running them.
    /// A real timer queues its callback to the thread pool, so the callback may run after the timer was disposed
    /// (System.Threading.Timer.Dispose says so); running the returned callbacks later replays exactly that.
    /// </summary>
    public IReadOnlyList<Action> AdvanceQueuingCallbacks(TimeSpan by)
    {
        var queued = new List<Action>();
        MoveOn(by, queued.Add);
        return queued;
    }

    private void MoveOn(TimeSpan by, Action<Action> onDue)
    {
        var end = Now + by;
        while (true)
        {
            ManualTimer? next;
            lock (_timers)
            {
                next = _timers.Where(t => t.Due is { } due && due <= end).MinBy(t => t.Due);
            }

            if (next is null)
            {
                break;
            }

            Now = next.Due!.Value;
            onDue(next.Dispatch());
        }

        Now = end;
    }

    private void Remove(ManualTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period;

        public DateTimeOffset? Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.Now + dueTime;
            _period = period;
            return true;
        }

        /// <summary>Sets the next due time and returns this occurrence's callback, for the caller to run now or later.</summary>
        public Action Dispatch()
        {
            Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : Due + _period;
            return () => callback(state);
        }

        public void Dispose()
        {
            Due = null;
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
