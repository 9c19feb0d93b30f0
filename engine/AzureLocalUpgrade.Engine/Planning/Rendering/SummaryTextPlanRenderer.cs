using System.Text;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>
/// The text plan a person reads (the default of <c>alu plan</c>): a group run on every node appears once, marked
/// "× 16 nodes (rolling, 1 at a time)", with the node's name as {node}; nodes whose steps differ get their own
/// variant. Everything else is as in <see cref="TextPlanRenderer"/>, which <c>--detail</c> prints in full.
/// </summary>
public sealed class SummaryTextPlanRenderer : IPlanRenderer
{
    public string Format => "text";

    public string Render(Plan plan)
    {
        var text = new StringBuilder();
        TextPlanRenderer.AppendHeader(text, plan);
        text.Append("\nSteps (a group run on every node is shown once; alu plan --detail lists each node):\n");
        foreach (var item in plan.Items)
        {
            AppendItem(text, item, 1);
        }

        TextPlanRenderer.AppendSummary(text, plan, perNodeOnce: true);
        return text.ToString();
    }

    private static void AppendItem(StringBuilder text, PlanItem item, int depth)
    {
        if (item is not PlanGroup group)
        {
            TextPlanRenderer.AppendItem(text, item, depth);
            return;
        }

        var instances = group.Strategy is null ? [] : group.Children.OfType<PlanGroup>().Where(c => c.Node is not null).ToList();
        if (instances.Count == 0 || instances.Count != group.Children.Count)
        {
            AppendPlainGroup(text, group, depth);
            return;
        }

        var indent = new string(' ', depth * 2);
        var disruptive = group.Disruptive ? ", disruptive" : "";
        text.Append($"{indent}+ {group.Id}{TextPlanRenderer.NameSuffix(group.Id, group.DisplayName)} ");
        text.Append($"(× {instances.Count} nodes, {CertaintyText.Strategy(group.Strategy!)}{disruptive}, ~{DurationParser.Format(group.Estimate)} in all)\n");
        if (group.SkippedReason is not null)
        {
            text.Append($"{indent}    skipped: {group.SkippedReason}\n");
        }

        var variants = NodeVariants.Of(instances, instance =>
        {
            var one = new StringBuilder();
            TextPlanRenderer.AppendItem(one, instance, depth + 1);
            return one.ToString();
        });
        foreach (var variant in variants)
        {
            var which = variants.Count == 1 ? "every node" : $"{variant.Nodes.Count} of {instances.Count} nodes";
            text.Append($"{indent}  on {which}: {NodeVariants.List(variant.Nodes)}\n");
            text.Append(variant.Text);
        }
    }

    private static void AppendPlainGroup(StringBuilder text, PlanGroup group, int depth)
    {
        // The group's own line as the detailed renderer writes it, its children summarised, then its recovery steps.
        TextPlanRenderer.AppendItem(text, group with { Children = [], OnFailure = [] }, depth);
        foreach (var child in group.Children)
        {
            AppendItem(text, child, depth + 1);
        }

        TextPlanRenderer.AppendRecovery(text, group.OnFailure, new string(' ', depth * 2));
    }
}
