using AzureLocalUpgrade.Engine.Text;
using System.Text;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>A change-ticket body: summary table, cluster-wide steps, one section per node, gates and risks.</summary>
public sealed class MarkdownPlanRenderer : IPlanRenderer
{
    public string Format => "markdown";

    public string Render(Plan plan)
    {
        var md = new StringBuilder();
        AppendSummary(md, plan);
        AppendParameters(md, plan);

        var byNode = plan.Steps.ToLookup(s => NodeOfInstance(s.Id, plan));
        md.Append("\n## Cluster-wide steps\n\n");
        AppendStepTable(md, byNode[null]);
        foreach (var node in plan.Cluster.Nodes.Where(n => byNode[n.Name].Any()))
        {
            md.Append($"\n## Node {Cell(node.Name)} ({Cell(node.Build)}, {node.Release})\n\n");
            AppendStepTable(md, byNode[node.Name]);
        }

        AppendGates(md, plan);
        AppendRisks(md, plan);
        return md.ToString();
    }

    internal static void AppendSummary(StringBuilder md, Plan plan)
    {
        var runbook = plan.Runbook;
        md.Append($"# Change plan: {Cell(runbook.Name)} {Cell(runbook.Version)} on {Cell(plan.Cluster.Name)}\n\n");
        md.Append("| Item | Value |\n|---|---|\n");
        md.Append($"| Runbook | `{Cell(runbook.Path)}` ({Cell(runbook.Name)} {Cell(runbook.Version)}, method {Cell(runbook.Method ?? "custom")}) |\n");
        if (runbook.UpgradeFrom is not null)
        {
            md.Append($"| Upgrade | {runbook.UpgradeFrom} → {runbook.UpgradeTo} |\n");
        }

        md.Append($"| Cluster | {Cell(plan.Cluster.Name)}{(plan.Cluster.Simulated ? " (simulated)" : "")}: {plan.Cluster.Nodes.Count} nodes |\n");
        md.Append($"| Window estimate | {DurationParser.Format(plan.Estimates.CriticalPath)} (critical path) |\n");
        md.Append($"| Total serial work | {DurationParser.Format(plan.Estimates.SerialWork)} |\n");
        md.Append($"| Steps | {Cell(CertaintyText.Summary(plan.Counts))} |\n");
        foreach (var (file, hash) in plan.SourceHashes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            md.Append($"| Source `{Cell(file)}` | `{hash}` |\n");
        }
    }

    internal static void AppendParameters(StringBuilder md, Plan plan)
    {
        if (plan.Parameters.Count == 0)
        {
            return;
        }

        md.Append("\n## Parameters\n\n| Name | Value |\n|---|---|\n");
        foreach (var parameter in plan.Parameters)
        {
            md.Append($"| {Cell(parameter.Name)} | {Code(Cell(PlanValueText.Format(parameter.Value)))} |\n");
        }
    }

    internal static void AppendStepTable(StringBuilder md, IEnumerable<PlanStep> steps)
    {
        md.Append("| # | Step | Kind | Target | Estimate | Certainty |\n|---|---|---|---|---|---|\n");
        var number = 0;
        foreach (var step in steps)
        {
            number++;
            var name = step.DisplayName == step.Id[(step.Id.LastIndexOf('/') + 1)..] ? "" : $" {Cell(step.DisplayName)}";
            var estimate = DurationParser.Format(step.Estimate) + (step.EstimateDefaulted ? " (default)" : "");
            var certainty = CertaintyText.Label(step.Certainty) + (step.SkippedReason is null ? "" : $": {step.SkippedReason}");
            md.Append($"| {number} | `{Cell(step.Id)}`{name} | {step.Kind} | {Cell(step.TargetText)} | {estimate} | {Cell(certainty)} |\n");
        }
    }

    internal static void AppendGates(StringBuilder md, Plan plan)
    {
        var gates = plan.Steps.Where(s => s.Certainty == Certainty.ManualGate).ToList();
        md.Append("\n## Manual gates\n\n");
        if (gates.Count == 0)
        {
            md.Append("None.\n");
        }

        foreach (var gate in gates)
        {
            md.Append($"- **`{Cell(gate.Id)}`**: {Cell(gate.Instructions ?? gate.DisplayName).ReplaceLineEndings(" ").Trim()}\n");
            if (gate.Rehearsal is not null)
            {
                md.Append($"  - Rehearsal (simulated cluster only, after approval): `{Cell(gate.Rehearsal).Trim()}`\n");
            }
        }
    }

    internal static void AppendRisks(StringBuilder md, Plan plan)
    {
        md.Append("\n## Risks\n\n");
        var disruptive = Groups(plan.Items).Where(g => g.Disruptive && g.Strategy is not null).ToList();
        foreach (var group in disruptive)
        {
            md.Append($"- `{Cell(group.Id)}` takes each node out of service ({CertaintyText.Strategy(group.Strategy!)}), ~{DurationParser.Format(group.Estimate)} in all.\n");
        }

        foreach (var step in plan.Steps.Where(s => s.Tags.Contains(PlanStep.IrreversibleTag, StringComparer.Ordinal) && s.SkippedReason is null))
        {
            md.Append($"- `{Cell(step.Id)}` ({Cell(step.DisplayName)}) cannot be undone.\n");
        }

        var unguarded = plan.Steps.Count(s => s.Kind == "powershell" && s.SkippedReason is null && s.SkipIf is null && !s.Idempotent);
        md.Append($"- {plan.Counts.RuntimeDecided} steps are decided at run time and {plan.Counts.ManualGate} wait for a person: the real duration can differ from the estimate.\n");
        md.Append($"- {unguarded} PowerShell steps have neither a skipIf guard nor idempotent: true; if alu stops during one, resume asks what to do.\n");
        if (plan.Estimates.DefaultedEstimates > 0)
        {
            md.Append($"- {plan.Estimates.DefaultedEstimates} steps use a default estimate, not a written one.\n");
        }

        foreach (var step in plan.Steps.Where(s => s.Kind == "check" && s.Severity == "warning" && s.SkippedReason is null))
        {
            md.Append($"- Check `{Cell(step.Id)}` only warns; the run continues if it fails.\n");
        }

        var skipped = plan.Steps.Where(s => s.SkippedReason is not null).Select(s => s.SkippedReason!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var reason in skipped)
        {
            md.Append($"- Skipped because `{Cell(reason)}`.\n");
        }
    }

    internal static IEnumerable<PlanGroup> Groups(IEnumerable<PlanItem> items) =>
        items.OfType<PlanGroup>().SelectMany(g => Groups(g.Children).Prepend(g));

    internal static string? NodeOfInstance(string stepId, Plan plan) =>
        NodeVariants.NodeOfInstance(stepId, plan.Cluster.Nodes.Select(n => n.Name));

    // An empty code span (two backticks) renders as literal backticks in most viewers, and a backtick inside a value
    // would end the span early: empty values read "(empty)", others get a fence longer than any run of backticks inside.
    internal static string Code(string text)
    {
        if (text.Length == 0)
        {
            return "(empty)";
        }

        var longestRun = 0;
        for (int i = 0, run = 0; i < text.Length; i++)
        {
            run = text[i] == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', longestRun + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{text}{pad}{fence}";
    }

    internal static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
