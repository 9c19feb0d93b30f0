using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>
/// The facade for <c>alu run</c> and <c>alu resume</c>: claims the cluster, pins the runbook, journals, executes, and
/// then releases the claim, or keeps it when the run paused or was cancelled (it is resumable and still owns the
/// cluster's state). Throws <see cref="LockHeldException"/> (exit 4) before anything runs when another run holds it.
/// Claims, journal and run documents live in <see cref="RunCoordinatorSettings.RunStore"/> (the state folder's files
/// unless a fleet gives its database store).
/// </summary>
public sealed class RunCoordinator(RunCoordinatorSettings settings)
{
    private readonly StepGraphExecutor _executor = new();
    private readonly IRunStore _store = settings.RunStore;

    /// <param name="runbookPath">The runbook file <paramref name="graph"/> was compiled from (pinned into the run folder).</param>
    public async Task<RunResult> StartAsync(StepGraph graph, string runbookPath, RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var runId = RunId.New(settings.Clock.UtcNow, graph.Cluster.Name);
        using var claim = _store.Claims.Acquire(graph.Cluster.Name, runId, settings.WallClock, settings.LockOptions);
        try
        {
            _store.Documents.Create(runId);
            try
            {
                RunPinning.Pin(_store.Documents, runId, graph, runbookPath, settings.Clock.UtcNow, options.PlanHash);
            }
            catch
            {
                // Nothing ran: leave no half-made run folder for `alu status` to show.
                _store.Documents.Delete(runId);
                throw;
            }

            using var journal = _store.Journals.Open(runId, claim);
            JournalTakeover(journal, runId, claim);
            var result = await _executor.ExecuteAsync(graph, Context(runId, journal, options, resume: null), cancellationToken).ConfigureAwait(false);
            Settle(claim, result);
            return result;
        }
        catch
        {
            claim.Release();
            throw;
        }
    }

    /// <summary>
    /// Continues a run from its journal. <paramref name="graph"/> must be compiled from the run's pinned files
    /// (<see cref="RunFolder.PinnedRunbookPath"/>); a graph with another fingerprint is refused.
    /// </summary>
    public async Task<RunResult> ResumeAsync(string runId, StepGraph graph, RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var state = ReadResumeState(runId);
        var fingerprint = StepGraphFingerprint.Of(graph);
        if (fingerprint != state.Identity.GraphFingerprint)
        {
            throw new GraphMismatchException(
                $"Run {runId} was started from another graph (fingerprint {state.Identity.GraphFingerprint[..12]}, given {fingerprint[..12]}); recompile the pinned runbook {PinnedRunbook(runId)}.");
        }

        if (state.LastFinish?.ExitCode is RunExitCodes.Succeeded)
        {
            throw new InvalidOperationException($"Run {runId} already succeeded; there is nothing to resume.");
        }

        using var claim = _store.Claims.Acquire(graph.Cluster.Name, runId, settings.WallClock, settings.LockOptions);
        try
        {
            using var journal = _store.Journals.Open(runId, claim);
            JournalTakeover(journal, runId, claim);

            // Read again under our claim: a holder we took over from may have written after the first read, and
            // from the moment our claim was written it can write nothing more, so this read is complete.
            state = ReadResumeState(runId);
            var decisions = new Dictionary<string, ResumeDecision>(state.Decisions, StringComparer.Ordinal);
            foreach (var (steps, decision) in new[] { (options.RetrySteps, ResumeDecision.Retry), (options.SkipSteps, ResumeDecision.Skip) })
            {
                foreach (var step in steps)
                {
                    if (!graph.TryGetStep(step, out _))
                    {
                        throw new ArgumentException($"--{decision.ToString().ToLowerInvariant()} {step}: run {runId} has no such step.", nameof(options));
                    }

                    decisions[step] = decision;
                    journal.Append(new JournalRecord
                    {
                        Type = JournalRecordTypes.Decision,
                        Time = settings.Clock.UtcNow,
                        RunId = runId,
                        StepId = step,
                        Decision = decision.ToString().ToLowerInvariant(),
                        By = options.ApprovedBy,
                    });
                }
            }

            var context = Context(runId, journal, options, state with { Decisions = decisions });
            var result = await _executor.ExecuteAsync(graph, context, cancellationToken).ConfigureAwait(false);
            Settle(claim, result);
            return result;
        }
        catch
        {
            claim.Release();
            throw;
        }
    }

    /// <exception cref="DirectoryNotFoundException">The run has no journal.</exception>
    private ResumeState ReadResumeState(string runId) =>
        RunJournalReader.ResumeStateOf(_store.Journals.Read(runId), _store.Journals.Describe(runId));

    /// <summary>The pinned runbook to recompile, for messages: its file in the state folder, or its name in the store.</summary>
    private string PinnedRunbook(string runId) => _store is FileRunStore files
        ? RunFolder.Open(files.StateDirectory, runId).PinnedRunbookPath
        : $"{RunManifests.Read(_store.Documents, runId, RunManifests.Name).PinnedRunbook} of run {runId}";

    private RunContext Context(string runId, IRunJournal journal, RunOptions options, ResumeState? resume) => new()
    {
        RunId = runId,
        Host = settings.Host,
        Clock = settings.Clock,
        Journal = journal,
        Approvals = settings.Approvals,
        Events = settings.Events,
        PreApprovedGates = options.ApprovedGates,
        ApprovedBy = options.ApprovedBy,
        PreApprovalMethod = options.ApprovalMethod,
        ReconnectTimeout = options.ReconnectTimeout,
        HealthGate = options.HealthGate,
        CancellationGracePeriod = options.CancellationGracePeriod,
        Window = options.Window,
        Resume = resume,
    };

    /// <summary>A resumable run keeps the cluster; a finished one gives it back.</summary>
    private static void Settle(IRunClaim claim, RunResult result)
    {
        if (result.Outcome is RunOutcome.Paused or RunOutcome.Cancelled)
        {
            claim.MarkPaused(result.PauseReason switch
            {
                PauseReason.Gate => "waiting for approval of " + string.Join(", ", result.WaitingFor),
                PauseReason.Decision => "waiting for a decision about " + string.Join(", ", result.WaitingFor),
                PauseReason.Window => "waiting for the next maintenance window before " + string.Join(", ", result.WaitingFor),
                _ => "cancelled; resumable",
            });
        }
        else
        {
            claim.Release();
        }
    }

    /// <summary>
    /// Journals a takeover in this run's journal. When the previous holder may still be running (its lease expired
    /// while it was stopped), every step it had in flight is recorded as "outcome unknown" in its run's journal, so
    /// the run asks a person (--retry or --skip) instead of repeating or skipping it silently.
    /// </summary>
    private void JournalTakeover(IRunJournal journal, string runId, IRunClaim claim)
    {
        if (journal.TornTailBytesDropped > 0)
        {
            journal.Append(new JournalRecord
            {
                Type = JournalRecordTypes.JournalWarning,
                Time = settings.Clock.UtcNow,
                RunId = runId,
                Message = $"cut off {journal.TornTailBytesDropped} bytes of a torn last line (a crash while it was written; that record was never acknowledged)",
            });
        }

        if (claim.Takeover is not { } takeover)
        {
            return;
        }

        var previous = takeover.PreviousHolder;
        journal.Append(new JournalRecord
        {
            Type = JournalRecordTypes.LockTakeover,
            Time = settings.Clock.UtcNow,
            RunId = runId,
            Reason = $"{takeover.Reason} (claim epoch {claim.Epoch})",
            PreviousHolder = previous is null ? null : new JournalLockHolder(previous.RunId, previous.Host, previous.ProcessId, previous.HeartbeatAt, previous.Status, takeover.Reason),
        });

        if (takeover.HolderMayStillRun && previous is not null)
        {
            MarkInFlightStepsUnknown(previous, takeover, claim, runId == previous.RunId ? journal : null);
        }
    }

    private void MarkInFlightStepsUnknown(LockHolder previous, LockTakeover takeover, IRunClaim claim, IRunJournal? ownJournal)
    {
        ResumeState previousState;
        try
        {
            previousState = ReadResumeState(previous.RunId);
        }
        catch (DirectoryNotFoundException)
        {
            return; // the previous run never got as far as its journal
        }

        var interrupted = previousState.Interrupted;
        if (interrupted.Count == 0)
        {
            return;
        }

        var journal = ownJournal ?? _store.Journals.Open(previous.RunId, claim);
        try
        {
            foreach (var step in interrupted)
            {
                journal.Append(new JournalRecord
                {
                    Type = JournalRecordTypes.StepOutcomeUnknown,
                    Time = settings.Clock.UtcNow,
                    RunId = previous.RunId,
                    StepId = step,
                    Outcome = "unknown",
                    Reason = $"outcome unknown: the step ran under a lost claim (epoch {previous.Epoch}, process {previous.ProcessId} on {previous.Host}; {takeover.Reason})",
                });
            }
        }
        finally
        {
            if (ownJournal is null)
            {
                journal.Dispose();
            }
        }
    }
}
