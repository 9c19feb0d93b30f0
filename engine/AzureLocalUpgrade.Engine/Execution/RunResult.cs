using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Ledger;

namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>What a run (or one session of a resumed run) came to.</summary>
/// <param name="Summary">One or two sentences for the operator: what happened and what to do next.</param>
/// <param name="WaitingFor">Gate ids waiting for approval, or step ids waiting for a decision.</param>
/// <param name="Steps">Every step and onFailure step, graph order first, then onFailure steps as they ran.</param>
/// <param name="Leftovers">Changes this run made and did not undo, for every outcome except success.</param>
/// <param name="MaxInstancesInFlight">Per forEach group: the most node instances observed in flight at once.</param>
public sealed record RunResult(
    string RunId,
    RunOutcome Outcome,
    PauseReason PauseReason,
    string Summary,
    IReadOnlyList<string> WaitingFor,
    IReadOnlyList<StepRecord> Steps,
    IReadOnlyList<RunWarning> Warnings,
    IReadOnlyList<ApprovalRecord> Approvals,
    IReadOnlyList<LeftoverChange> Leftovers,
    IReadOnlyDictionary<string, int> MaxInstancesInFlight)
{
    public int ExitCode => RunExitCodes.For(Outcome);

    public StepRecord Step(string stepId) => Steps.Single(s => s.StepId == stepId);
}
