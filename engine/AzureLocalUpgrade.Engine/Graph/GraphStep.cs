using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Graph;

/// <summary>
/// One executable step of a compiled graph (kinds PowerShell, Check, Wait, Manual; groups are <see cref="GraphGroup"/>).
/// Ids are stable and readable: <c>rolling-update[node2]/drain</c>.
/// </summary>
/// <param name="SourcePath">The step's path in the runbook, without node expansion: <c>rolling-update/drain</c>.</param>
/// <param name="GroupId">The innermost group instance containing the step, or null at top level.</param>
/// <param name="Inputs">Fragment inputs in scope (bound as $Inputs); secret values are <see cref="SecretValue"/>.</param>
/// <param name="SkippedReason">Set when a compile-time `when` pruned the step; it then never runs.</param>
/// <param name="Rehearsal">
/// A manual gate's <c>rehearse:</c> script, run on the gate's target right after approval. The compiler keeps it only
/// for a simulated inventory, so a graph for a real cluster never carries one.
/// </param>
/// <param name="Baseline">
/// A read-only script run once before the step's first attempt; its journalled value is bound as <c>$Baseline</c> on
/// every later attempt and resume (a restart's guard compares the node's boot time with it).
/// </param>
/// <param name="PerNode">
/// Set when the runbook gives <c>estimatePerNode</c>: <see cref="Estimate"/> already holds the fixed part plus one
/// share per node; this says how much of it is per node, so a window can admit a CAU run that has one node's time left.
/// </param>
public sealed record GraphStep(
    string Id,
    string SourcePath,
    StepKind Kind,
    string DisplayName,
    string? Description,
    StepTarget Target,
    EmbeddedText? Script,
    EmbeddedText? SkipIf,
    Severity CheckSeverity,
    string? Message,
    TimeSpan? PollInterval,
    string? Instructions,
    IReadOnlyList<string> Needs,
    string? GroupId,
    RetryPolicy? Retry,
    TimeSpan? Timeout,
    TimeSpan Estimate,
    bool HasExplicitEstimate,
    bool Idempotent,
    IReadOnlyList<GraphStep> OnFailure,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, object?> Inputs,
    string? SkippedReason,
    SourceSpan Span,
    EmbeddedText? Rehearsal = null,
    EmbeddedText? Baseline = null,
    PerNodeEstimate? PerNode = null)
{
    public Certainty Certainty => SkippedReason is not null ? Certainty.Skipped
        : Kind == StepKind.Manual ? Certainty.ManualGate
        : SkipIf is not null || Kind == StepKind.Wait ? Certainty.RuntimeDecided
        : Certainty.Known;

    /// <summary>A step caught mid-flight by a crash may be re-run only when it is guarded or declared idempotent.</summary>
    public bool SafeToRerun => Idempotent || SkipIf is not null || Kind is StepKind.Check or StepKind.Wait;
}

/// <summary>The per-node part of a step's estimate (<c>estimatePerNode</c>) and the node count it was multiplied by.</summary>
public sealed record PerNodeEstimate(TimeSpan Each, int Nodes)
{
    public TimeSpan Total => Each * Nodes;
}
