using System.Text;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>A graphviz digraph: groups as clusters, needs as edges, skipped steps dashed, gates and run-time steps shaded.</summary>
public sealed class DotPlanRenderer : IPlanRenderer
{
    public string Format => "dot";

    public string Render(Plan plan)
    {
        var ids = GraphLabels.ShortIds(plan);
        var text = new StringBuilder();
        text.Append($"digraph \"{GraphLabels.DotEscape(plan.Runbook.Name)}\" {{\n");
        text.Append("  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        var groupNumber = 0;
        foreach (var item in plan.Items)
        {
            AppendItem(text, item, ids, "  ", ref groupNumber);
        }

        foreach (var step in plan.Steps)
        {
            foreach (var need in step.Needs.Where(ids.ContainsKey))
            {
                text.Append($"  {ids[need]} -> {ids[step.Id]};\n");
            }
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static void AppendItem(StringBuilder text, PlanItem item, Dictionary<string, string> ids, string indent, ref int groupNumber)
    {
        if (item is PlanStep step)
        {
            var style = step.Certainty switch
            {
                Certainty.Skipped => ", style=dashed, fontcolor=gray",
                Certainty.ManualGate => ", style=filled, fillcolor=\"#fff3cd\"",
                Certainty.RuntimeDecided => ", style=filled, fillcolor=\"#e7f1ff\"",
                _ => "",
            };
            text.Append($"{indent}{ids[step.Id]} [label=\"{GraphLabels.DotEscape(GraphLabels.StepLabel(step))}\"{style}];\n");
            return;
        }

        var group = (PlanGroup)item;
        text.Append($"{indent}subgraph cluster_{groupNumber++} {{\n{indent}  label=\"{GraphLabels.DotEscape(group.Id)}\";\n");
        foreach (var child in group.Children)
        {
            AppendItem(text, child, ids, indent + "  ", ref groupNumber);
        }

        text.Append($"{indent}}}\n");
    }
}
