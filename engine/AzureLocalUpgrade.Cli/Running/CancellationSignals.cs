using System.Runtime.InteropServices;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Turns SIGTERM, SIGHUP (a closed terminal or session) and Ctrl+C (SIGINT) into a cancellation request instead of
/// killing the process: the executor gives steps in flight their grace period, stops them, journals, and the run
/// exits 130, resumable. A second signal is not intercepted, so an operator can still force the process down.
/// A signal the process was started with ignored (SIGHUP under nohup) is left ignored by the runtime: whoever
/// started alu that way asked it to outlive its terminal, and it does.
/// </summary>
public sealed class CancellationSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public CancellationSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>The signal that cancelled the run, for the final message.</summary>
    public PosixSignal? Received { get; private set; }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            return; // the default action: terminate now
        }

        context.Cancel = true;
        Received = context.Signal;
        // Cancelling runs the token's callbacks, and with them whatever continuations they release: never on the
        // runtime's signal thread, whose handler must return at once. A handler still running when the run ends let
        // the runtime finish the process as terminated by the signal (exit 143) although the run had journalled 130.
        _ = Task.Run(() =>
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run had already ended.
            }
        });
    }
}
