using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// One step as written. Exactly one of the kind bodies is set, matching <see cref="Kind"/>:
/// PowerShell → <see cref="Script"/>; Check → <see cref="Check"/>; Wait → <see cref="Wait"/>;
/// Manual → <see cref="Manual"/>; Group → <see cref="Group"/>; Use → <see cref="Use"/>.
/// </summary>
/// <param name="When">Compile-time Scriban condition over params, inputs, cluster and node; false prunes the step (kept as skipped).</param>
/// <param name="SkipIf">Run-time guard script (same target as the step): true skips the step, which makes it safe to re-run.</param>
/// <param name="Idempotent">Safe to re-run after a crash even without a skipIf guard.</param>
/// <param name="Baseline">
/// Read-only script (same target as the step) run once before the step's first attempt; its value is journalled and
/// reaches skipIf and the script as <c>$Baseline</c> on every later attempt, retry and resume of the run.
/// </param>
/// <param name="EstimatePerNode">
/// Added to the estimate once per cluster node: a cluster-wide step that works through the nodes in turn (a CAU run),
/// whose duration grows with the cluster.
/// </param>
/// <param name="NeedsWritten">
/// True when the step has a <c>needs:</c> key (even <c>[]</c>). Without one the step follows its previous sibling
/// (the ordering rule); <see cref="StepOrdering"/> applies the rule.
/// </param>
public sealed record StepDefinition(
    string Id,
    StepKind Kind,
    EmbeddedText? Name,
    EmbeddedText? Description,
    ScriptDefinition? Script,
    CheckOptions? Check,
    WaitOptions? Wait,
    ManualOptions? Manual,
    GroupOptions? Group,
    UseOptions? Use,
    IReadOnlyList<string> Needs,
    EmbeddedText? When,
    RetryPolicy? Retry,
    TimeSpan? Timeout,
    TimeSpan? Estimate,
    EmbeddedText? SkipIf,
    bool Idempotent,
    IReadOnlyList<StepDefinition> OnFailure,
    IReadOnlyList<string> Tags,
    SourceSpan Span,
    SourceSpan IdSpan,
    bool NeedsWritten = false,
    EmbeddedText? Baseline = null,
    TimeSpan? EstimatePerNode = null)
{
    /// <summary>The script that does the work, whatever the kind (null for manual, group and use).</summary>
    public ScriptDefinition? WorkScript => Script ?? Check?.Script ?? Wait?.Script;

    /// <summary>Sub-steps of a group (empty for other kinds).</summary>
    public IReadOnlyList<StepDefinition> Children => Group?.Steps ?? [];
}
