using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Health;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// One execution session of a graph. A single loop owns all scheduling state (<see cref="ExecutionState"/>);
/// steps, health gates and compensations run as tasks that hand back an action the loop applies, so no
/// scheduling state is ever shared between threads. The parts: <see cref="SessionOpening"/> (journal start,
/// resume), <see cref="ReadySetScheduler"/> (which steps start), <see cref="Gatekeeper"/> (strategy, windows,
/// health gates), <see cref="Compensator"/> (onFailure), <see cref="FailureBudget"/> and
/// <see cref="RunConclusion"/> (the outcome). This class is the loop and the stop.
/// </summary>
internal sealed class ExecutionRun
{
    private readonly ExecutionState _state;
    private readonly SessionOpening _opening;
    private readonly ReadySetScheduler _scheduler;
    private readonly Compensator _compensator;
    private readonly RunConclusion _conclusion;

    public ExecutionRun(StepGraph graph, RunContext context)
    {
        _state = new ExecutionState(graph, context);
        var probe = new ClusterHealthProbe(context.Host, graph, context.HealthGate);
        var invoker = new StepInvoker(_state);
        _compensator = new Compensator(_state, invoker);
        var budget = new FailureBudget(_state, _compensator);
        var gatekeeper = new Gatekeeper(_state, budget, probe);
        _opening = new SessionOpening(_state, budget, probe);
        _scheduler = new ReadySetScheduler(_state, invoker, _compensator, budget, gatekeeper);
        _conclusion = new RunConclusion(_state);
    }

    public async Task<RunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        // The loop is work too: a virtual clock does not move while it decides what starts next.
        var clock = _state.Context.Clock;
        clock.EnterWork();
        try
        {
            return await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Tasks still in flight when the loop ends (a lost claim) are abandoned with it.
            clock.LeaveWork(1 + _state.Running.Count);
        }
    }

    private async Task<RunResult> LoopAsync(CancellationToken cancellationToken)
    {
        _opening.JournalStart();
        var clock = _state.Context.Clock;
        using var hardStop = new CancellationTokenSource();
        var stopSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellationToken.Register(() => stopSignal.TrySetResult()).ConfigureAwait(false);

        var decisionsNeeded = _opening.ApplyResumeState();
        if (decisionsNeeded.Count > 0)
        {
            return _conclusion.PauseForDecisions(decisionsNeeded);
        }

        _opening.JournalCompileTimeSkips();
        await _opening.ApplyClusterStateAsync(hardStop.Token).ConfigureAwait(false);

        var running = _state.Running;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested && !_state.StopRequested)
            {
                BeginStop(hardStop);
            }

            if (!_state.StopRequested && !_state.Failing && !_state.Pausing)
            {
                _scheduler.StartReadySteps(hardStop.Token);
            }

            _compensator.StartReady(hardStop.Token);
            if (running.Count == 0)
            {
                break;
            }

            var waitingOn = _state.StopRequested ? running.Cast<Task>().ToList() : [.. running, stopSignal.Task];
            clock.LeaveWork();
            var completed = await Task.WhenAny(waitingOn).ConfigureAwait(false);
            clock.EnterWork();
            if (completed == stopSignal.Task)
            {
                BeginStop(hardStop);
                continue;
            }

            // The finished task's work ends only now that the loop, working again, has its result.
            var task = (Task<Action>)completed;
            running.Remove(task);
            clock.LeaveWork();
            try
            {
                (await task.ConfigureAwait(false))();
            }
            catch (Exception error) when (error is ClaimLostException or Storage.RunStoreOutageException)
            {
                // Another process holds the cluster now, or the run store cannot take records: stop everything in
                // flight (nothing it did could be journaled) and write nothing more.
                await hardStop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        return _conclusion.Conclude();
    }

    private void BeginStop(CancellationTokenSource hardStop)
    {
        _state.StopRequested = true;
        var grace = _state.Context.CancellationGracePeriod;
        var reporter = _state.Reporter;
        reporter.Write(new JournalRecord { Type = JournalRecordTypes.RunPaused, Reason = $"cancellation requested; steps in flight get {grace} to finish" },
            reporter.Event(RunEventKind.Warning, message: $"cancellation requested; {_state.Running.Count} task(s) in flight get {grace} to finish, then they are stopped"));
        // The grace period is work on the clock of its own, so on a virtual clock it ends when the steps in flight
        // have had that much virtual time.
        _state.Context.Clock.EnterWork();
        _ = StopAfterGraceAsync(hardStop, grace);
    }

    private async Task StopAfterGraceAsync(CancellationTokenSource hardStop, TimeSpan grace)
    {
        try
        {
            await _state.Context.Clock.DelayAsync(grace, CancellationToken.None).ConfigureAwait(false);
            await hardStop.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The run ended within the grace period.
        }
        finally
        {
            _state.Context.Clock.LeaveWork();
        }
    }
}
