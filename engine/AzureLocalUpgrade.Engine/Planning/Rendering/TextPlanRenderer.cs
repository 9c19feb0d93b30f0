using AzureLocalUpgrade.Engine.Text;
using System.Text;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>The human tree: groups and steps in run order, each with target, estimate, certainty and bound values.</summary>
public sealed class TextPlanRenderer : IPlanRenderer
{
    public string Format => "text";

    public string Render(Plan plan)
    {
        var text = new StringBuilder();
        AppendHeader(text, plan);
        text.Append("\nSteps:\n");
        foreach (var item in plan.Items)
        {
            AppendItem(text, item, 1);
        }

        AppendSummary(text, plan);
        return text.ToString();
    }

    internal static void AppendHeader(StringBuilder text, Plan plan)
    {
        var runbook = plan.Runbook;
        var upgrade = runbook.UpgradeFrom is null ? "" : $", {runbook.UpgradeFrom} -> {runbook.UpgradeTo}";
        text.Append($"Plan: {runbook.Name} {runbook.Version} ({runbook.Method ?? "custom"}{upgrade})\n");
        text.Append($"Cluster: {plan.Cluster.Name}, {plan.Cluster.Nodes.Count} nodes{(plan.Cluster.Simulated ? ", simulated" : "")}: ");
        text.Append(string.Join(", ", plan.Cluster.Nodes.Select(n => $"{n.Name} ({n.Build})"))).Append('\n');
        if (plan.Parameters.Count > 0)
        {
            text.Append("Parameters:\n");
            foreach (var parameter in plan.Parameters)
            {
                text.Append($"  {parameter.Name} = {(PlanValueText.Format(parameter.Value) is { Length: > 0 } shown ? shown : "(empty)")}\n");
            }
        }
    }

    internal static void AppendItem(StringBuilder text, PlanItem item, int depth)
    {
        var indent = new string(' ', depth * 2);
        if (item is PlanGroup group)
        {
            var details = new List<string>();
            if (group.Strategy is not null)
            {
                details.Add($"forEach node, {CertaintyText.Strategy(group.Strategy)}");
            }

            if (group.Node is not null)
            {
                details.Add($"node {group.Node}");
            }

            if (group.Disruptive)
            {
                details.Add("disruptive");
            }

            details.Add($"~{DurationParser.Format(group.Estimate)}");
            text.Append($"{indent}+ {group.Id}{NameSuffix(group.Id, group.DisplayName)} ({string.Join(", ", details)})\n");
            if (group.SkippedReason is not null)
            {
                text.Append($"{indent}    skipped: {group.SkippedReason}\n");
            }

            foreach (var child in group.Children)
            {
                AppendItem(text, child, depth + 1);
            }

            AppendRecovery(text, group.OnFailure, indent);
            return;
        }

        var step = (PlanStep)item;
        AppendStep(text, step, indent, "-");
        AppendRecovery(text, step.OnFailure, indent);
    }

    private static void AppendStep(StringBuilder text, PlanStep step, string indent, string bullet)
    {
        var estimate = DurationParser.Format(step.Estimate) + (step.EstimateDefaulted ? " default" : "");
        var critical = step.OnCriticalPath ? ", critical path" : "";
        text.Append($"{indent}{bullet} {step.Id}{NameSuffix(LastSegment(step.Id), step.DisplayName)} ");
        text.Append($"[{step.Kind} on {step.TargetText}, ~{estimate}{critical}] {CertaintyText.Label(step.Certainty)}\n");
        var detail = indent + "    ";
        if (step.CertaintyReason is not null && step.Certainty != Graph.Certainty.Known)
        {
            text.Append($"{detail}why: {step.CertaintyReason}\n");
        }

        if (step.Tags.Contains(PlanStep.IrreversibleTag, StringComparer.Ordinal))
        {
            text.Append($"{detail}irreversible: what this step changes cannot be undone\n");
        }

        AppendBlock(text, detail, "script", step.Script);
        AppendBlock(text, detail, "baseline (read before the first attempt)", step.Baseline);
        AppendBlock(text, detail, "skipIf", step.SkipIf);
        if (step.Bindings.Count > 0)
        {
            text.Append($"{detail}bound: {string.Join(", ", step.Bindings.Select(b => $"{b.Name}={b.Value}"))}\n");
        }

        AppendBlock(text, detail, "message", step.Message);
        AppendBlock(text, detail, "instructions", step.Instructions);
        AppendBlock(text, detail, "rehearsal (simulated cluster only, after approval)", step.Rehearsal);
        if (step.Retry is { } retry)
        {
            text.Append($"{detail}retry: {retry.Attempts} attempts, delay {DurationParser.Format(retry.Delay)}, backoff x{retry.Backoff.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
        }

        if (step.Timeout is { } timeout)
        {
            text.Append($"{detail}timeout: {DurationParser.Format(timeout)}\n");
        }
    }

    internal static void AppendRecovery(StringBuilder text, IReadOnlyList<PlanStep> recovery, string indent)
    {
        foreach (var step in recovery)
        {
            AppendStep(text, step, indent + "  ", "! on failure:");
        }
    }

    private static void AppendBlock(StringBuilder text, string indent, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var lines = value.TrimEnd().Split('\n');
        if (lines.Length == 1)
        {
            text.Append($"{indent}{label}: {lines[0].TrimEnd('\r')}\n");
            return;
        }

        text.Append($"{indent}{label}:\n");
        foreach (var line in lines)
        {
            text.Append($"{indent}  | {line.TrimEnd('\r')}\n");
        }
    }

    internal static void AppendSummary(StringBuilder text, Plan plan, bool perNodeOnce = false)
    {
        var estimates = plan.Estimates;
        text.Append($"\nSummary: {CertaintyText.Summary(plan.Counts)}.\n");
        text.Append($"Window estimate (critical path): {DurationParser.Format(estimates.CriticalPath)}\n");
        foreach (var line in perNodeOnce ? CriticalPathOnce(plan) : estimates.CriticalPathSteps)
        {
            text.Append($"  -> {line}\n");
        }

        text.Append($"Total serial work: {DurationParser.Format(estimates.SerialWork)}\n");
        if (estimates.DefaultedEstimates > 0)
        {
            text.Append($"Estimates: {estimates.DefaultedEstimates} steps use a per-kind default, not a written estimate.\n");
        }

        if (plan.Counts.RuntimeDecided + plan.Counts.ManualGate > 0)
        {
            text.Append($"Not known until run time: {plan.Counts.RuntimeDecided} steps decided at run time and {plan.Counts.ManualGate} manual gates; the real duration may differ.\n");
        }
    }

    // The critical path of a rolling group passes every node in turn: show each step once, with how many nodes it
    // is on, instead of 16 copies of the same nine ids.
    private static IEnumerable<string> CriticalPathOnce(Plan plan)
    {
        var nodes = plan.Cluster.Nodes.Select(n => n.Name).ToList();
        var order = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in plan.Estimates.CriticalPathSteps)
        {
            var node = NodeVariants.NodeOfInstance(id, nodes);
            var key = node is null ? id : NodeVariants.Normalize(id, node);
            if (counts.TryAdd(key, 1))
            {
                order.Add(key);
            }
            else
            {
                counts[key]++;
            }
        }

        return order.Select(key => counts[key] > 1 ? $"{key} (on {counts[key]} nodes in turn)" : key);
    }

    private static string LastSegment(string id) => id[(id.LastIndexOf('/') + 1)..];

    internal static string NameSuffix(string id, string name)
    {
        // A name that only repeats the id (or the group id without its [node]) adds nothing.
        var segment = LastSegment(id);
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        segment = bracket > 0 ? segment[..bracket] : segment;
        return string.Equals(segment, name, StringComparison.Ordinal) ? "" : $" \"{name}\"";
    }
}
