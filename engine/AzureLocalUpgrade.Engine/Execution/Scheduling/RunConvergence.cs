using AzureLocalUpgrade.Engine.Execution.Ledger;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>
/// Tells a run that had nothing to do from one that upgraded something. A runbook run on a cluster already in its
/// target state skips every disruptive step through its run-time guards (docs/unattended.md, "Running a finished
/// upgrade again"); the run then succeeds with exit 0 and says so, which is what a scheduler that re-runs the same
/// command every night needs to see.
/// </summary>
internal static class RunConvergence
{
    /// <summary>
    /// True when a step did work in this session: a script that ran and is disruptive (in a <c>disruptive: true</c>
    /// group, or tagged as taking something out of service or restarting a node), or was let through by its skipIf
    /// guard, or is neither guarded nor idempotent. Checks and waits only read; an idempotent script without a guard
    /// only re-asserts a value (a registry value set to 0 again). A gate's rehearsal plays a person's part on the
    /// simulator, so it counts only where the gate itself is disruptive.
    /// </summary>
    public static bool DidWork(IEnumerable<StepState> steps, StepGraph graph) =>
        steps.Any(s => s.Status == StepStatus.Succeeded
            && !s.RanInEarlierSession
            && s.Step.Kind switch
            {
                StepKind.PowerShell => IsDisruptive(s.Step, graph) || s.Step.SkipIf is not null || !s.Step.Idempotent,
                StepKind.Manual => s.Step.Rehearsal is not null && IsDisruptive(s.Step, graph),
                _ => false,
            });

    /// <summary>Steps a run-time guard skipped (not those a compile-time <c>when</c> pruned, nor earlier sessions' steps).</summary>
    public static int SkippedByGuards(IEnumerable<StepState> steps) =>
        steps.Count(s => s.Status == StepStatus.Skipped && s.Step.SkippedReason is null && !s.RanInEarlierSession);

    private static bool IsDisruptive(GraphStep step, StepGraph graph) =>
        HasDisruptiveTag(step) || graph.AncestorsOf(step).Any(g => g.Disruptive);

    private static bool HasDisruptiveTag(GraphStep step) =>
        step.Tags.Any(tag => ChangeTags.Parse(tag) is { } parsed
            && (parsed.Tag == ChangeTags.RebootsNode || ChangeTags.Kinds[parsed.Tag].Opens));
}
