using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Reporting;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Fleet.Storage.Postgres;
using AzureLocalUpgrade.Simulation;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// Runs one cluster of a fleet with the single-cluster engine, in process: compile (runbooks validated once per
/// process), open the cluster (the twin on its virtual clock, or the real nodes), then start the run, or continue
/// the cluster's earlier run of the same graph from its journal (after a worker died, a window pause, a stop).
/// The run lock with its fencing epoch and the journal are the engine's own, in the given run store: the files
/// under the state folder (embedded runs), or PostgreSQL (workers sharing a --db), exactly as for <c>alu run</c>.
/// </summary>
/// <param name="runStore">Where run claims, journals and reports live; null: the files under the state folder.</param>
internal sealed class ClusterRunner(string stateDirectory, RunbookCache runbooks, IRunStore? runStore = null)
{
    public string StateDirectory => stateDirectory;

    private IRunStore Store(JournalDurability durability) => runStore ?? new FileRunStore(stateDirectory, durability);

    /// <summary>
    /// Runs the cluster. A run store that stays unreachable past its reconnect budget (ALU7201) ends the execution as
    /// <see cref="ClusterRunKind.StoreUnavailable"/>: nothing more was written, the journal holds the run, so the
    /// cluster is queued again to resume later, never marked failed (the cluster itself did nothing wrong).
    /// </summary>
    /// <param name="waitedForWindow">Called when a simulated cluster's run paused for its window and virtual time
    /// jumped to the next opening (the run then continues in this same execution); null: nobody is told.</param>
    public async Task<ClusterRunResult> RunAsync(ClusterWork work, IRunEventSink events, CancellationToken cancellationToken, Func<DateTimeOffset, Task>? waitedForWindow = null)
    {
        try
        {
            return await RunOnceAsync(work, events, cancellationToken, waitedForWindow).ConfigureAwait(false);
        }
        catch (RunStoreUnavailableException unavailable)
        {
            return new ClusterRunResult(ClusterRunKind.StoreUnavailable, work.PreviousRunId, unavailable.Message, null, null);
        }
    }

    private async Task<ClusterRunResult> RunOnceAsync(ClusterWork work, IRunEventSink events, CancellationToken cancellationToken, Func<DateTimeOffset, Task>? waitedForWindow)
    {
        ArgumentNullException.ThrowIfNull(work);
        var bag = new DiagnosticBag();
        var graph = Compile(work, bag);
        var window = Window(work, bag);
        if (graph is null || bag.HasErrors)
        {
            return ClusterRunResult.Invalid(string.Join("; ", bag.Items.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Code}: {d.Message}")));
        }

        var store = Store(ClusterRunSession.DurabilityFor(graph));
        var previous = PreviousRun(store, work, graph);
        if (previous is { State: RunState.Succeeded })
        {
            // Already applied (the run finished, then the worker died before the fleet recorded it): nothing runs again.
            return new ClusterRunResult(ClusterRunKind.Succeeded, previous.RunId, $"run {previous.RunId} already applied this", null, null);
        }

        var options = ClusterRunSession.FleetOptions(graph, work.FleetId, window);
        var session = ClusterRunSession.Open(graph, stateDirectory, store, events);
        await using (session.ConfigureAwait(false))
        {
            var (coordinator, clock, simulation) = (session.Coordinator, session.Clock, session.Simulation);
            var resumed = previous is { State: RunState.Paused or RunState.Interrupted or RunState.Running } ? previous.RunId : null;
            (events as ProgressSink)?.Begin(graph, store, resumed, simulation);
            RunResult result;
            try
            {
                result = previous is { State: RunState.Paused or RunState.Interrupted or RunState.Running }
                    ? await coordinator.ResumeAsync(previous.RunId, graph, options, cancellationToken).ConfigureAwait(false)
                    : await coordinator.StartAsync(graph, work.RunbookPath, options, cancellationToken).ConfigureAwait(false);

                // Against the twin a window pause costs no wall time: virtual time jumps to the next opening and the
                // run continues here, with the sessions already open, instead of ending the job only to have it fired
                // again at once (a new compile, a new host, every runspace opened anew). The journal records the
                // pause and the resume exactly as for a run continued by a later firing.
                while (simulation is not null && result is { Outcome: RunOutcome.Paused, PauseReason: PauseReason.Window }
                       && NextOpening(window!, clock.UtcNow) is { } opening)
                {
                    simulation.AdvanceTime(opening.Start - clock.UtcNow);
                    if (waitedForWindow is not null)
                    {
                        await waitedForWindow(opening.Start).ConfigureAwait(false);
                    }

                    result = await coordinator.ResumeAsync(result.RunId, graph, options, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (LockHeldException held)
            {
                return new ClusterRunResult(ClusterRunKind.LockHeld, previous?.RunId, held.Message, null, null);
            }
            catch (ClaimLostException lost)
            {
                return new ClusterRunResult(ClusterRunKind.LockHeld, previous?.RunId, lost.Message, null, null);
            }
            catch (GraphMismatchException mismatch)
            {
                return ClusterRunResult.Invalid(mismatch.Message);
            }

            var report = Report(store, result, simulation);
            return result.Outcome switch
            {
                RunOutcome.Succeeded => new ClusterRunResult(ClusterRunKind.Succeeded, result.RunId, null, report, null),
                RunOutcome.Failed or RunOutcome.PreconditionFailed => new ClusterRunResult(ClusterRunKind.Failed, result.RunId, result.Summary, report, null),
                RunOutcome.Paused when result.PauseReason == PauseReason.Window => WaitForWindow(result, window!, clock, report),
                RunOutcome.Paused => new ClusterRunResult(ClusterRunKind.NeedsPerson, result.RunId, result.Summary, report, null),
                _ => new ClusterRunResult(ClusterRunKind.Interrupted, result.RunId, result.Summary, report, null),
            };
        }
    }

    /// <summary>
    /// Paused before a disruptive group that does not fit in the window now: the job is fired again at the next
    /// opening. (A simulated cluster never gets here with an opening left: its run continues at once, above.)
    /// </summary>
    private static ClusterRunResult WaitForWindow(RunResult result, MaintenanceWindow window, ExecutionClock clock, string? report)
    {
        if (NextOpening(window, clock.UtcNow) is not { } opening)
        {
            return new ClusterRunResult(ClusterRunKind.Failed, result.RunId, result.Summary + " (no later opening of its windows)", report, null);
        }

        return new ClusterRunResult(ClusterRunKind.WaitingForWindow, result.RunId, result.Summary, report, opening.Start, opening.Start);
    }

    /// <summary>The opening a run paused for its window waits for: the next one, not the one it is in now.</summary>
    private static WindowOpening? NextOpening(MaintenanceWindow window, DateTimeOffset now)
    {
        var current = window.CurrentOrNext(now);
        return current is { } open && open.Contains(now) ? window.CurrentOrNext(open.End) : current;
    }

    private StepGraph? Compile(ClusterWork work, DiagnosticBag bag) =>
        ClusterRunSession.Compile(runbooks, work.RunbookPath, work.InventoryPath, work.Parameters, bag);

    private static MaintenanceWindow? Window(ClusterWork work, DiagnosticBag bag)
    {
        var windows = new List<MaintenanceWindow>();
        foreach (var text in work.Windows)
        {
            if (MaintenanceWindowParser.TryParse(text, work.TimeZone, out var window, out var error))
            {
                windows.Add(window!);
            }
            else
            {
                bag.Add(new Diagnostic(FleetRunCodes.WindowInvalid, Severity.Error, Engine.Text.SourceSpan.None, $"cluster {work.Cluster}: window '{text}': {error}", "Fix the window in the fleet file."));
            }
        }

        return windows.Count switch { 0 => null, 1 => windows[0], _ => new CombinedWindow(windows) };
    }

    /// <summary>The run this cluster's job started before, when it was from the same graph; else null (start afresh).</summary>
    private static RunSummary? PreviousRun(IRunStore store, ClusterWork work, StepGraph graph)
    {
        var fingerprint = StepGraphFingerprint.Of(graph);
        var reader = new RunStatusReader(store);
        IEnumerable<RunSummary> candidates;
        if (work.PreviousRunId is { } known)
        {
            try
            {
                candidates = [reader.ReadRun(known).Summary];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or RunFileException && ex is not RunStoreUnavailableException)
            {
                candidates = [];
            }
        }
        else
        {
            // The fleet never learnt the run id (the worker died right after the run folder was made, or this is the
            // cluster's first run): look it up among this cluster's runs only. Reading every run of the shared store
            // here made a fleet run quadratic in its clusters (5 % of retail-120's CPU, docs/performance.md).
            candidates = reader.ListRuns(graph.Cluster.Name).OrderByDescending(r => r.RunId, StringComparer.Ordinal);
        }

        return candidates.FirstOrDefault(r => FingerprintOf(store, r.RunId) == fingerprint);
    }

    // A run whose run.json is gone or damaged cannot be resumed, so it is never the one to continue.
    private static string? FingerprintOf(IRunStore store, string runId)
    {
        try
        {
            return RunManifests.Read(store.Documents, runId, RunManifests.Name).GraphFingerprint;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or RunFileException && ex is not RunStoreUnavailableException)
        {
            return null;
        }
    }

    private static string? Report(IRunStore store, RunResult result, SimulatedCluster? simulation)
    {
        try
        {
            var builds = simulation?.Snapshot().Nodes.ToDictionary(n => n.Name, n => n.Build.ToString(), StringComparer.OrdinalIgnoreCase);
            var report = RunReportBuilder.Build(store, result.RunId, builds);
            RunReportPublisher.Write(store.Documents, result.RunId, report);
            return MarkdownReportWriter.Write(report);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or RunFileException)
        {
            return null; // the journal still has everything; a missing report must not change the cluster's outcome
        }
    }
}

internal enum ClusterRunKind { Succeeded, Failed, WaitingForWindow, NeedsPerson, Interrupted, LockHeld, Invalid, StoreUnavailable }

/// <param name="FireAgainAt">When the cluster job should fire again (a window opening, mapped to wall time).</param>
/// <param name="NextWindow">The opening the cluster waits for, in the cluster's own time line.</param>
internal sealed record ClusterRunResult(ClusterRunKind Kind, string? RunId, string? Reason, string? ReportMarkdown, DateTimeOffset? FireAgainAt, DateTimeOffset? NextWindow = null)
{
    public static ClusterRunResult Invalid(string reason) => new(ClusterRunKind.Invalid, null, reason, null, null);
}
