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
/// <para>
/// Work that touches nothing shared (a PowerShell pipeline before it calls a simulator cmdlet, a runspace being
/// opened) may step aside (<see cref="StepAside"/>): it waits for the instant it is at, as if it took no time, and runs
/// on meanwhile; it must <see cref="Retake"/> its turn before it touches the model, writes or ends. The turn comes
/// in the same order as if the work had waited there doing nothing, so work started together at one instant runs
/// side by side on the thread pool, while the model and the journal still change one piece of work at a time, in the
/// same order every run.
/// </para>
/// </summary>
internal sealed class VirtualTimeScheduler(Action<DateTimeOffset> advanceTo)
{
    /// <summary>
    /// The session work that stepped aside queues under: after every named one, so other work queued to go on at the same
    /// instant (steps started together) goes first and steps aside in its turn, and all of it runs side by side.
    /// </summary>
    private const string AsideSession = "\uffff";

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

    /// <summary>
    /// Counted work at <paramref name="now"/> steps aside to do work that touches nothing shared: it queues for its turn
    /// at <paramref name="now"/> (so the clock cannot move past it) and goes on at once; <see cref="Retake"/> waits
    /// for the turn. From outside counted work there is no turn to give up: null.
    /// </summary>
    public Turn? StepAside(DateTimeOffset now)
    {
        lock (_sync)
        {
            return _busy == 0 ? null : new Turn(Enqueue(now, AsideSession));
        }
    }

    /// <summary>
    /// Blocks until the work that stepped aside has its turn again (at once if it already has). A cancelled wait keeps
    /// its place: the work retakes its turn when it ends (<see cref="RetakeAsync"/>), so nothing runs out of turn.
    /// </summary>
    public static void Retake(Turn turn, CancellationToken cancellationToken) => turn.Waiter.Released.Task.Wait(cancellationToken);

    /// <summary>Completes when the work that stepped aside has its turn again.</summary>
    public static Task RetakeAsync(Turn turn) => turn.Waiter.Released.Task;

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

    /// <summary>A place in the queue held by work that stepped aside (<see cref="StepAside"/>).</summary>
    internal sealed class Turn
    {
        internal Turn(Waiter waiter) => Waiter = waiter;

        internal Waiter Waiter { get; }

        /// <summary>True once the work has its turn again.</summary>
        public bool Taken => Waiter.Released.Task.IsCompleted;
    }

    internal sealed class Waiter(DateTimeOffset due, string session, long arrival, bool counted)
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
