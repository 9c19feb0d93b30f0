using System.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Fleet.Running.Progress;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// Turns the single-cluster engine's events into the cluster row's run id, current step and progress (each node's
/// steps and phase, the cluster's steps, the ETA: <see cref="ClusterProgressTracker"/>), for status and the
/// dashboard. Writes at most every <see cref="Interval"/>, plus at once when the run starts or ends and when a step
/// fails, so a 16-node run's hundreds of step events cost a handful of updates; always under the execution's epoch.
/// </summary>
internal sealed class ProgressSink(FleetStore store, string fleetId, string cluster, int epoch) : IRunEventSink
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _sinceWrite = new();
    private ClusterProgressTracker? _tracker;
    private SimulatedCluster? _simulation;
    private string? _runId;

    public string? RunId => _runId;

    public string? CurrentStep { get; private set; }

    /// <summary>
    /// Called once the cluster's graph is compiled, before its run starts or resumes: progress is counted over that
    /// graph, from the steps the resumed run's journal already finished (<paramref name="previousRunId"/>).
    /// </summary>
    /// <param name="simulation">The twin the run acts on (its clock is virtual; it knows each node's build), or null.</param>
    public void Begin(StepGraph graph, IRunStore runStore, string? previousRunId, SimulatedCluster? simulation)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _simulation = simulation;
        _tracker = new ClusterProgressTracker(graph, JournalStates(runStore, previousRunId), virtualTime: simulation is not null);
    }

    public void Publish(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        var first = _runId is null;
        _runId = runEvent.RunId;
        _tracker?.Apply(runEvent);
        if (runEvent.Kind == RunEventKind.StepStarted)
        {
            CurrentStep = runEvent.Target is null ? runEvent.StepId : $"{runEvent.StepId} on {runEvent.Target}";
        }

        var turningPoint = first || runEvent.Kind is RunEventKind.RunStarted or RunEventKind.RunFinished
            || (runEvent.Kind == RunEventKind.StepFinished && runEvent.Status == StepStatus.Failed);
        if (!turningPoint && _sinceWrite.IsRunning && _sinceWrite.Elapsed < Interval)
        {
            return;
        }

        _sinceWrite.Restart();
        var progress = _tracker?.Snapshot(Builds()) ?? ClusterProgress.None;
        // The engine publishes synchronously from its own loop; one short UPDATE every half second is acceptable there.
        try
        {
            store.ReportProgressAsync(fleetId, cluster, epoch, CurrentStep, _runId, progress.ToJson(), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception error) when (DatabaseOutage.Is(error))
        {
            // Progress is for people watching; a database restart must not fail the step that happened to publish.
            // The next event writes it again, and the result is recorded (with retries) when the run ends.
            _sinceWrite.Reset();
        }
    }

    // The twin's state file is read under its lock; if that read fails, progress goes without builds this time.
    private Dictionary<string, string>? Builds()
    {
        try
        {
            return _simulation?.Snapshot().Nodes.ToDictionary(n => n.Name, n => n.Build.ToString(), StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    // Progress is for display: a journal that cannot be read counts every step as still to do, and the run goes on.
    private static Dictionary<string, StepStatus>? JournalStates(IRunStore runStore, string? runId)
    {
        if (runId is null)
        {
            return null;
        }

        try
        {
            return new RunStatusReader(runStore).ReadRun(runId).Steps.ToDictionary(r => r.StepId, r => r.Status, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or RunFileException)
        {
            return null;
        }
    }
}
