using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>Runs one step through the <see cref="StepRunner"/> and records the changes it made in the ledger.</summary>
internal sealed class StepInvoker(ExecutionState state)
{
    /// <summary>
    /// A host that throws is an engine bug; record it as this step's failure so the journal stays whole. A claim lost
    /// or a run store unreachable (its journal could not take the step's records) says nothing about the step: those
    /// stop the run instead, and the step is decided on resume as any step in flight at an interruption.
    /// </summary>
    public async Task<StepRunResult> RunSafelyAsync(GraphStep step, CancellationToken ct)
    {
        try
        {
            return await state.Runner.RunAsync(step, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The run must end with a journal and a result whatever a host does.
        catch (Exception error) when (error is not OperationCanceledException and not Locking.ClaimLostException and not Storage.RunStoreOutageException)
#pragma warning restore CA1031
        {
            var message = $"internal error while running the step: {error.GetType().Name}: {error.Message}";
            state.Reporter.Write(new JournalRecord { Type = JournalRecordTypes.StepFinished, StepId = step.Id, Outcome = "failed", Message = message });
            return new StepRunResult(StepStatus.Failed, 0, TimeSpan.Zero, message);
        }
    }

    public void RecordChanges(GraphStep step, StepStatus status)
    {
        if (status is not (StepStatus.Succeeded or StepStatus.Failed or StepStatus.Interrupted))
        {
            return;
        }

        foreach (var change in state.Ledger.RecordFinished(step, status == StepStatus.Succeeded))
        {
            state.Reporter.Write(new JournalRecord { Type = JournalRecordTypes.Change, StepId = step.Id, Change = change });
        }
    }
}
