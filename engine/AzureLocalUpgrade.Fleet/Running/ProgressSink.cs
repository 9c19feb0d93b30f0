using System.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// Turns the single-cluster engine's events into the cluster row's run id and current step, for status and the
/// dashboard. Writes at most every <see cref="Interval"/> (plus the run's first event, which names the run), so a
/// 16-node run's hundreds of step events cost a handful of updates; always under the execution's epoch.
/// </summary>
internal sealed class ProgressSink(FleetStore store, string fleetId, string cluster, int epoch) : IRunEventSink
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _sinceWrite = new();
    private string? _runId;

    public string? RunId => _runId;

    public string? CurrentStep { get; private set; }

    public void Publish(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        var first = _runId is null;
        _runId = runEvent.RunId;
        if (runEvent.Kind == RunEventKind.StepStarted)
        {
            CurrentStep = runEvent.Target is null ? runEvent.StepId : $"{runEvent.StepId} on {runEvent.Target}";
        }

        if (!first && _sinceWrite.IsRunning && _sinceWrite.Elapsed < Interval)
        {
            return;
        }

        _sinceWrite.Restart();
        // The engine publishes synchronously from its own loop; one short UPDATE every half second is acceptable there.
        try
        {
            store.ReportProgressAsync(fleetId, cluster, epoch, CurrentStep, _runId, "[]", CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception error) when (DatabaseOutage.Is(error))
        {
            // Progress is for people watching; a database restart must not fail the step that happened to publish.
            // The next event writes it again, and the result is recorded (with retries) when the run ends.
            _sinceWrite.Reset();
        }
    }
}
