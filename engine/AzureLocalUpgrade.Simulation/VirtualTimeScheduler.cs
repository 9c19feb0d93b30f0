namespace AzureLocalUpgrade.Simulation;

/// <summary>
/// Moves a simulated cluster's virtual time the way real time passes for work that runs at once: a discrete-event
/// scheduler. Work a run has in flight (the executor's loop and each step, health gate and compensation task) is
/// counted busy from when it starts until the run has taken its result. Whatever waits on virtual time (a step's poll
/// interval, a cmdlet that takes 45 minutes) names the instant it waits for and stops counting as busy; only when
/// nothing is busy does the clock move, to the earliest instant anyone waits for, and that one waiter (the earliest by
/// instant, then by the session it runs in, then by arrival) goes on. So four installs started together end together,
/// 45 minutes later, instead of one after another, and the same run gives the same virtual times every time.
/// A wait from outside any counted work (a test calling a cmdlet, alu sim) finds nothing busy and passes at once.
/// </summary>
internal sealed class VirtualTimeScheduler(Action<DateTimeOffset> advanceTo)
{
    private readonly object _sync = new();
    private readonly SortedSet<Waiter> _waiters = new(WaiterOrder.Instance);
    private int _busy;
    private long _arrivals;

    /// <summary>Work begins (or work that waited is handed on by another): time does not move until it waits or ends.</summary>
    public void EnterWork()
    {
        lock (_sync)
        {
            _busy++;
        }
    }

    /// <summary>Counted work ends; when nothing else is busy, the earliest waiter goes on. False when nothing was counted.</summary>
    public bool LeaveWork(int count = 1)
    {
        lock (_sync)
        {
            var counted = _busy > 0;
            _busy = Math.Max(0, _busy - count);
            Dispatch();
            return counted;
        }
    }

    /// <summary>Blocks the calling thread until virtual time reaches <paramref name="due"/> (a cmdlet's work).</summary>
    public void WaitUntil(DateTimeOffset due, string session, CancellationToken cancellationToken)
    {
        var waiter = Enqueue(due, session);
        try
        {
            waiter.Released.Task.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Withdraw(waiter);
            throw;
        }
    }

    /// <summary>Completes when virtual time reaches <paramref name="due"/> (the executor's waits).</summary>
    public async Task WaitUntilAsync(DateTimeOffset due, string session, CancellationToken cancellationToken)
    {
        var waiter = Enqueue(due, session);
        try
        {
            await waiter.Released.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Withdraw(waiter);
            throw;
        }
    }

    private Waiter Enqueue(DateTimeOffset due, string session)
    {
        lock (_sync)
        {
            // Work that waits stops counting as busy; a wait from outside counted work had nothing to give up.
            var counted = _busy > 0;
            if (counted)
            {
                _busy--;
            }

            var waiter = new Waiter(due, session, _arrivals++, counted);
            _waiters.Add(waiter);
            Dispatch();
            return waiter;
        }
    }

    /// <summary>A cancelled wait leaves the queue and its work is busy again (unless it was released meanwhile, which already made it so).</summary>
    private void Withdraw(Waiter waiter)
    {
        lock (_sync)
        {
            if (_waiters.Remove(waiter) && waiter.Counted)
            {
                _busy++;
            }
        }
    }

    /// <summary>While nothing is busy, moves the clock to the earliest waiter's instant and lets that waiter go on.</summary>
    private void Dispatch()
    {
        while (_busy == 0 && _waiters.Min is { } next)
        {
            _waiters.Remove(next);
            advanceTo(next.Due);
            if (next.Counted)
            {
                _busy++;
            }

            next.Released.TrySetResult();
        }
    }

    private sealed class Waiter(DateTimeOffset due, string session, long arrival, bool counted)
    {
        public DateTimeOffset Due { get; } = due;

        public string Session { get; } = session;

        public long Arrival { get; } = arrival;

        /// <summary>The waiter was counted busy before it waited, so it is counted again when it goes on.</summary>
        public bool Counted { get; } = counted;

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class WaiterOrder : IComparer<Waiter>
    {
        public static readonly WaiterOrder Instance = new();

        public int Compare(Waiter? x, Waiter? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var byTime = x.Due.CompareTo(y.Due);
            if (byTime != 0)
            {
                return byTime;
            }

            var bySession = string.CompareOrdinal(x.Session, y.Session);
            return bySession != 0 ? bySession : x.Arrival.CompareTo(y.Arrival);
        }
    }
}
