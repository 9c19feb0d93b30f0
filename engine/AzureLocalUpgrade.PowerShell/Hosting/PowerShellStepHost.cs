using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.PowerShell.Targets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// Runs step scripts in PowerShell: one runspace per target, opened on first use through the connector and reused
/// by every later step on that target; one pipeline at a time per runspace; values bound as parameters of a
/// constant wrapper function every session defines (<see cref="StepWrapper"/>); a dead session reopened with backoff
/// on the execution clock.
/// </summary>
public sealed class PowerShellStepHost : IStepHost
{
    private readonly ITargetConnector _connector;
    private readonly ExecutionClock _clock;
    private readonly ReconnectPolicy _reconnect;
    private readonly ILogger _logger;
    private readonly InitialSessionState _baseState = EngineSessionState.Create();
    private readonly ConcurrentDictionary<StepTarget, TargetSession> _sessions = new();
    private int _runspacesOpened;
    private bool _disposed;

    public PowerShellStepHost(ITargetConnector connector, ExecutionClock clock, ILogger? logger = null, ReconnectPolicy? reconnect = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(clock);
        _connector = connector;
        _clock = clock;
        _logger = logger ?? NullLogger.Instance;
        _reconnect = reconnect ?? ReconnectPolicy.Default;
    }

    public int RunspacesOpened => Volatile.Read(ref _runspacesOpened);

    public async Task<ScriptResult> InvokeAsync(ScriptInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var started = _clock.UtcNow;

        // A script that does not parse fails here, positioned in the runbook, without touching the target.
        var parsed = ParsedStepScript.Of(invocation.Script.Value);
        if (parsed.FirstError is { } first)
        {
            return Finished(
                ScriptOutcome.Failed,
                started,
                message: first.Message,
                position: invocation.Script.Map(first.Extent.StartLineNumber, first.Extent.StartColumnNumber));
        }

        // Keyed by the whole target: a Cluster target on node n1 is a session of its own, so a health probe
        // never queues behind a long node step on n1.
        var session = _sessions.GetOrAdd(invocation.Target, t => new TargetSession(t, _clock));
        try
        {
            await session.Gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Finished(ScriptOutcome.Cancelled, started, message: "Cancelled before the step started.");
        }

        try
        {
            var unreachable = await ConnectAsync(session, invocation.ReconnectTimeout, cancellationToken).ConfigureAwait(false);
            return unreachable is null
                ? await RunAsync(session, invocation, parsed, started, cancellationToken).ConfigureAwait(false)
                : Finished(ScriptOutcome.Unreachable, started, message: unreachable);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Finished(ScriptOutcome.Cancelled, started, message: $"Cancelled while connecting to {invocation.Target}.");
        }
        finally
        {
            session.Gate.Exit();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            foreach (var session in _sessions.Values)
            {
                session.Dispose();
            }

            _sessions.Clear();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Makes sure the session has a live runspace. Returns null when it has, else why the target is unreachable.</summary>
    /// <summary>How long a pipeline asked to stop (cancellation or timeout) may take to end before it is abandoned.</summary>
    public TimeSpan StopWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True when <paramref name="running"/> ended; false when a stop was requested and it kept running past <paramref name="stopWait"/> (wall time).</summary>
    private static async Task<bool> EndsAsync(Task running, CancellationToken stop, TimeSpan stopWait)
    {
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (stop.Register(() => stopRequested.TrySetResult()))
        {
            if (await Task.WhenAny(running, stopRequested.Task).ConfigureAwait(false) == running)
            {
                await running.ConfigureAwait(false);
                return true;
            }
        }

        if (await Task.WhenAny(running, Task.Delay(stopWait, CancellationToken.None)).ConfigureAwait(false) != running)
        {
            return false;
        }

        await running.ConfigureAwait(false);
        return true;
    }

    private async Task<string?> ConnectAsync(TargetSession session, TimeSpan reconnectTimeout, CancellationToken cancellationToken)
    {
        if (session.Runspace is { } existing)
        {
            if (_connector.IsAlive(session.Target, existing))
            {
                return null;
            }

            _logger.SessionDead(session.Target);
            session.DropRunspace();
        }

        var deadline = _clock.UtcNow + reconnectTimeout;
        var delay = _reconnect.InitialDelay;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // Opening a remote session blocks on the network; keep it off the caller's thread.
                session.Runspace = await Task.Run(() => _connector.Open(session.Target, _baseState), cancellationToken).ConfigureAwait(false);
                _logger.RunspaceOpened(session.Target, Interlocked.Increment(ref _runspacesOpened));
                return null;
            }
            catch (TargetUnreachableException ex)
            {
                var left = deadline - _clock.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    _logger.GaveUp(session.Target, reconnectTimeout, ex.Message);
                    return $"{session.Target} could not be reached within {reconnectTimeout}: {ex.Message}";
                }

                var wait = delay < left ? delay : left;
                _logger.Retrying(session.Target, ex.Message, wait);
                await _clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                delay = _reconnect.Next(delay);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Anything else (no such node, a missing credential, refused authentication) will not heal by waiting.
                return $"Cannot open a session to {session.Target}: {ex.Message}";
            }
        }
    }

    private async Task<ScriptResult> RunAsync(
        TargetSession session, ScriptInvocation invocation, ParsedStepScript parsed, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var runspace = session.Runspace!;
        // Disposed by hand: disposing a pipeline that will not stop would wait for it (see AbandonRunspace).
        var shell = System.Management.Automation.PowerShell.Create(runspace);
        var abandoned = false;
        try
        {
            return await RunAsync(session, invocation, parsed, started, shell, runspace, cancellationToken, () => abandoned = true).ConfigureAwait(false);
        }
        finally
        {
            if (!abandoned)
            {
                shell.Dispose();
            }
        }
    }

    private async Task<ScriptResult> RunAsync(
        TargetSession session,
        ScriptInvocation invocation,
        ParsedStepScript parsed,
        DateTimeOffset started,
        System.Management.Automation.PowerShell shell,
        Runspace runspace,
        CancellationToken cancellationToken,
        Action abandon)
    {
        var arguments = new PowerShellArguments();
        Bind(shell, invocation, parsed.DeclaredParameters, arguments);
        var redactor = new SecretRedactor(arguments.Secrets);
        var capture = StreamCapture.Attach(shell, redactor);
        var output = new PSDataCollection<PSObject>();

        // Script timeouts are wall time: a script's own work runs in real time even against the simulator.
        using var timeout = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (invocation.Timeout is { } limit && limit > TimeSpan.Zero)
        {
            timeout.CancelAfter(limit);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Finished(ScriptOutcome.Cancelled, started, message: "Cancelled before the step started.");
        }

        Exception? thrown = null;
        try
        {
            // Started before the stop is registered: a stop requested for a pipeline not yet running would be lost.
            var running = shell.InvokeAsync<PSObject, PSObject>(null, output);
            using (stop.Token.Register(() => shell.BeginStop(null, null)))
            {
                if (!await EndsAsync(running, stop.Token, StopWait).ConfigureAwait(false))
                {
                    // A step inside a long .NET call (Thread.Sleep, a blocking read) cannot be stopped between
                    // statements. alu stops waiting, gives the session up and says the outcome is unknown.
                    abandon();
                    session.AbandonRunspace(shell);
                    _logger.BrokeMidStep(invocation.StepId, session.Target);
                    return Finished(ScriptOutcome.Cancelled, started, OutputValues.From(output, redactor), capture,
                        $"it was still running {StopWait.TotalSeconds:0} s after being asked to stop, so alu stopped waiting; whether it finished its work is unknown: check {invocation.Target} before resuming, then resume with --retry {invocation.StepId} or --skip {invocation.StepId}");
                }
            }
        }
        catch (Exception ex) when (ex is RuntimeException or PSInvalidOperationException or InvalidRunspaceStateException)
        {
            thrown = ex;
        }

        var values = OutputValues.From(output, redactor);
        if (stop.IsCancellationRequested && (thrown is PipelineStoppedException || shell.InvocationStateInfo.State == PSInvocationState.Stopped))
        {
            return cancellationToken.IsCancellationRequested
                ? Finished(ScriptOutcome.Cancelled, started, values, capture, "Stopped by cancellation.")
                : Finished(ScriptOutcome.TimedOut, started, values, capture, $"Stopped after its timeout of {invocation.Timeout}.");
        }

        if (thrown is null && capture.Errors.Count == 0 && shell.InvocationStateInfo.State != PSInvocationState.Failed)
        {
            return Finished(ScriptOutcome.Succeeded, started, values, capture);
        }

        var failure = thrown is not null
            ? ScriptFailure.From(thrown, invocation.Script)
            : capture.Errors.Count > 0
                ? ScriptFailure.From(capture.Errors[0], invocation.Script)
                : ScriptFailure.From(shell.InvocationStateInfo.Reason ?? new RuntimeException("The script failed."), invocation.Script);
        var message = redactor.Redact(failure.Message) ?? "";
        if (thrown is not null)
        {
            capture.AddTerminatingError(message);
        }

        if (ScriptFailure.MeansSessionBroken(thrown, capture.Errors, runspace) || !_connector.IsAlive(session.Target, runspace))
        {
            // The node went away under the step (a restart, a dropped connection). Re-running a half-done step
            // is not the host's call: report it and let the next step on this target reconnect.
            _logger.BrokeMidStep(invocation.StepId, session.Target);
            session.DropRunspace();
            return Finished(
                ScriptOutcome.Unreachable,
                started,
                values,
                capture,
                $"The session to {session.Target} broke during the step (the node restarted or the connection dropped); the step was not re-run. {message}");
        }

        return Finished(ScriptOutcome.Failed, started, values, capture, message, failure.Position);
    }

    private static void Bind(
        System.Management.Automation.PowerShell shell, ScriptInvocation invocation, IReadOnlySet<string> declared, PowerShellArguments arguments)
    {
        shell.AddCommand(StepWrapper.FunctionName, useLocalScope: true).AddParameter(StepWrapper.ScriptParameter, invocation.Script.Value);
        var bound = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in invocation.Parameters)
        {
            var converted = arguments.Convert(value);
            if (StepWrapper.WellKnownParameters.Contains(name))
            {
                shell.AddParameter(name, converted);
            }

            if (declared.Contains(name))
            {
                bound[name] = converted;
            }
        }

        shell.AddParameter(StepWrapper.BoundParameter, bound);
    }

    private ScriptResult Finished(
        ScriptOutcome outcome,
        DateTimeOffset started,
        IReadOnlyList<object?>? output = null,
        StreamCapture? capture = null,
        string? message = null,
        SourceSpan? position = null)
    {
        var elapsed = _clock.UtcNow - started;
        return new ScriptResult(
            outcome,
            output ?? [],
            capture?.Records ?? [],
            message,
            position ?? SourceSpan.None,
            elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
    }
}
