using System.Runtime.InteropServices;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Turns SIGTERM and Ctrl+C (SIGINT) into a cancellation request instead of killing the process: the executor
/// finishes or stops the current step, journals, and the run exits 130, resumable. A second signal is not
/// intercepted, so an operator can still force the process down.
/// </summary>
public sealed class CancellationSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public CancellationSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
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
        _source.Cancel();
    }
}
