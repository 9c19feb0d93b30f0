using AzureLocalUpgrade.Engine.Execution.Events;
using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// Ends a session: marks what did not start and why, picks the outcome (cancelled, failed, paused at a window or
/// a gate, succeeded), journals leftovers and the summary that tells the person what to do next.
/// </summary>
internal sealed class RunConclusion(ExecutionState state)
{
    public RunResult Conclude()
    {
        var runId = state.Context.RunId;
        var firstFailure = state.Failures.Select(f => f.Message).FirstOrDefault();
        var leftoverReason = state.StopRequested ? "not started: the run was cancelled"
            : firstFailure is not null ? $"not started: the run stopped after a failure ({firstFailure})"
            : state.WaitingGates.Count > 0 ? $"not started: the run paused at gate {state.WaitingGates[0]}"
            : state.WindowWait is not null ? $"not started: {state.WindowGroup} does not fit in the maintenance window"
            : "not started";
        foreach (var step in state.Steps.Where(s => s.Status == StepStatus.Pending && !state.WaitingGates.Contains(s.Step.Id)))
        {
            step.Status = StepStatus.NotRun;
            step.Message = step.Instance?.Parent.StoppedReason is { } stopped ? "not run: " + stopped : leftoverReason;
        }

        foreach (var id in state.WaitingGates)
        {
            state.StepsById[id].Status = StepStatus.WaitingForApproval;
        }

        if (state.StopRequested)
        {
            return Finish(RunOutcome.Cancelled, PauseReason.Cancelled, [],
                $"Run {runId} was cancelled; steps in flight finished or were stopped. Resume with: alu resume {runId}");
        }

        if (state.Failing)
        {
            var failures = string.Join("; ", state.Failures.Select(f => f.Message));
            return state.Failures.All(f => f.Precondition)
                ? Finish(RunOutcome.PreconditionFailed, PauseReason.None, [], $"Run {runId} stopped before changing anything: {failures}")
                : Finish(RunOutcome.Failed, PauseReason.None, [], $"Run {runId} failed: {failures}. After fixing the cause, continue with: alu resume {runId}");
        }

        if (state.WaitingGates.Count == 0 && state.WindowWait is { } window)
        {
            return Finish(RunOutcome.Paused, PauseReason.Window, [state.WindowGroup!],
                $"Run {runId} paused before {state.WindowGroup}: {window.Reason}. Continue in the next window with: alu resume {runId}");
        }

        if (state.Pausing)
        {
            var gates = string.Join(" ", state.WaitingGates.Select(g => "--approve " + ShellQuoting.ForAnyShell(g)));
            return Finish(RunOutcome.Paused, PauseReason.Gate, state.WaitingGates.ToList(),
                $"Run {runId} is waiting for approval of {string.Join(", ", state.WaitingGates)}. After doing what the gate asks, continue with: alu resume {runId} {gates}");
        }

        var tolerated = state.Instances.Values.Where(i => i.HasFailed).Select(i => i.Group.Id).ToList();
        if (tolerated.Count > 0 || state.Steps.Any(s => s.Status == StepStatus.NotRun))
        {
            return Finish(RunOutcome.Failed, PauseReason.None, [],
                $"Run {runId} finished, but not on every node: {string.Join(", ", tolerated)} failed or were unhealthy (within the failure budget). Resume to retry them: alu resume {runId}");
        }

        if (state.Context.Resume is null && !RunConvergence.DidWork(state.Steps, state.Graph))
        {
            return Finish(RunOutcome.Succeeded, PauseReason.None, [],
                $"Run {runId} succeeded with nothing to do: the cluster was already in the target state. No step changed it " +
                $"(no node was drained, restarted or updated); {RunConvergence.SkippedByGuards(state.Steps)} step(s) were skipped by their run-time guards.");
        }

        var skipped = state.Steps.Count(s => s.Status == StepStatus.Skipped);
        return Finish(RunOutcome.Succeeded, PauseReason.None, [],
            $"Run {runId} succeeded: {state.Steps.Count - skipped} step(s) done, {skipped} skipped.");
    }

    /// <summary>Interrupted steps that are not safe to re-run pause the run until a person decides.</summary>
    public RunResult PauseForDecisions(IReadOnlyList<string> steps) =>
        Finish(RunOutcome.Paused, PauseReason.Decision, steps,
            "Decision required: " + string.Join("; ", steps.Select(s => Why(s) +
                $"Check what it did, then resume with --retry {s} to run it again or --skip {s} to treat it as done")));

    private string Why(string step) => state.Context.Resume?.OutcomeUnknown.Contains(step) == true
        ? $"step {step} was running under a claim another process took over (its holder was stopped or paused past its lease), so its outcome is unknown: it may have finished after that. "
        : $"step {step} was running when the previous session stopped and is not safe to re-run (no skipIf guard, not idempotent). ";

    private RunResult Finish(RunOutcome outcome, PauseReason pause, IReadOnlyList<string> waitingFor, string summary)
    {
        var reporter = state.Reporter;
        var leftovers = outcome == RunOutcome.Succeeded ? [] : state.Ledger.Leftovers();
        foreach (var leftover in leftovers)
        {
            reporter.Write(new JournalRecord { Type = JournalRecordTypes.Leftover, StepId = leftover.StepId, Message = leftover.Description },
                reporter.Event(RunEventKind.LeftoverChange, leftover.StepId, leftover.Subject, message: leftover.Description));
        }

        var exitCode = RunExitCodes.For(outcome);
        if (outcome is RunOutcome.Paused or RunOutcome.Cancelled)
        {
            reporter.Write(new JournalRecord { Type = JournalRecordTypes.RunPaused, Reason = StepRunner.JsonName(pause), Message = summary });
        }

        reporter.Write(
            new JournalRecord { Type = JournalRecordTypes.RunFinished, Outcome = StepRunner.JsonName(outcome), ExitCode = exitCode, Reason = pause == PauseReason.None ? null : StepRunner.JsonName(pause), Message = summary },
            reporter.Event(RunEventKind.RunFinished, message: summary, exitCode: exitCode));

        return new RunResult(
            state.Context.RunId,
            outcome,
            pause,
            reporter.Redact(summary)!,
            waitingFor,
            state.Steps.Select(s => s.ToRecord()).Concat(state.CompensationRecords).ToList(),
            state.Warnings.ToList(),
            state.Approvals.ToList(),
            leftovers,
            state.ForEachGroups.ToDictionary(f => f.Group.Id, f => f.MaxInFlight, StringComparer.Ordinal));
    }
}
