using AzureLocalUpgrade.Engine.Execution;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// One pipeline at a time in a target's runspace, in arrival order. A step queued behind another on the same target is
/// waiting, not working: on a virtual clock it leaves its work while it queues, and the step ahead hands the turn on
/// together with the work, so simulated time moves only when every step is waiting on the clock, never while one is
/// merely about to start (<see cref="ExecutionClock.EnterWork"/>).
/// </summary>
internal sealed class SessionTurn(ExecutionClock clock)
{
    private readonly object _sync = new();
    private readonly LinkedList<Waiter> _queue = new();
    private bool _taken;

    /// <summary>Returns when this caller has the turn; throws <see cref="OperationCanceledException"/> if cancelled while queued.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_sync)
        {
            if (!_taken)
            {
                _taken = true;
                return;
            }

            waiter = new Waiter(clock.LeaveWork());
            waiter.Node = _queue.AddLast(waiter);
        }

        try
        {
            await waiter.Turn.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_sync)
            {
                if (waiter.Node.List is null)
                {
                    // Handed the turn as the cancellation came: keep it; the caller sees the cancellation next.
                    return;
                }

                _queue.Remove(waiter.Node);
                if (waiter.Counted)
                {
                    clock.EnterWork();
                }
            }

            throw;
        }
    }

    /// <summary>Hands the turn to the next in line (counting it as working again), or frees it.</summary>
    public void Exit()
    {
        lock (_sync)
        {
            if (_queue.First is not { } next)
            {
                _taken = false;
                return;
            }

            _queue.RemoveFirst();
            if (next.Value.Counted)
            {
                clock.EnterWork();
            }

            next.Value.Turn.TrySetResult();
        }
    }

    private sealed class Waiter(bool counted)
    {
        /// <summary>The caller was counted as working before it queued, so it is counted again when its turn comes.</summary>
        public bool Counted { get; } = counted;

        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter> Node { get; set; } = null!;
    }
}
