using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>One step as the plan shows it: what runs where, with which bound values, and how sure the plan is.</summary>
/// <param name="Kind">powershell | check | wait | manual.</param>
/// <param name="Target">The resolved target (kind orchestrator, node or cluster, and the node it runs on).</param>
/// <param name="Bindings">Values the script receives: Node, ClusterName, Nodes, and each $Params/$Inputs key it uses (secrets ***).</param>
/// <param name="CertaintyReason">Why the step is not simply Known (guard, poll, gate, when condition); null when Known.</param>
/// <param name="Rehearsal">A gate's rehearse script, present only in a plan for a simulated cluster; it runs after approval.</param>
/// <param name="Baseline">A read-only script run once before the first attempt, its value bound as $Baseline; null when none.</param>
public sealed record PlanStep(
    string Id,
    string SourcePath,
    string Kind,
    string DisplayName,
    string? Description,
    StepTarget Target,
    string? Script,
    string? SkipIf,
    IReadOnlyList<PlanBinding> Bindings,
    string? Message,
    string? Instructions,
    string? Severity,
    RetryPolicy? Retry,
    TimeSpan? Timeout,
    TimeSpan? PollInterval,
    TimeSpan Estimate,
    bool EstimateDefaulted,
    Certainty Certainty,
    string? CertaintyReason,
    string? SkippedReason,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Tags,
    bool Idempotent,
    bool OnCriticalPath,
    IReadOnlyList<PlanStep> OnFailure,
    string? Rehearsal = null,
    string? Baseline = null) : PlanItem(Id, DisplayName)
{
    /// <summary>The tag a runbook puts on a step whose change cannot be undone (raising the cluster functional level); plans call it out.</summary>
    public const string IrreversibleTag = "irreversible";

    /// <summary>"orchestrator", "node hci01-n2" or "cluster (hci01-n1)".</summary>
    public string TargetText => Target.Kind switch
    {
        TargetKind.Orchestrator => "orchestrator",
        TargetKind.Cluster => $"cluster ({Target.Node ?? "no node"})",
        _ => $"node {Target.Node}",
    };
}
