using System.Text;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>A mermaid flowchart: groups as nested subgraphs, needs as arrows, skipped steps dashed, gates highlighted.</summary>
public sealed class MermaidPlanRenderer : IPlanRenderer
{
    public string Format => "mermaid";

    public string Render(Plan plan)
    {
        var ids = GraphLabels.ShortIds(plan);
        var text = new StringBuilder("flowchart TD\n");
        text.Append("  classDef skipped stroke-dasharray: 5 5,color:#888\n");
        text.Append("  classDef gate fill:#fff3cd,stroke:#c90\n");
        text.Append("  classDef runtime fill:#e7f1ff\n");
        var groupNumber = 0;
        foreach (var item in plan.Items)
        {
            AppendItem(text, item, ids, "  ", ref groupNumber);
        }

        foreach (var step in plan.Steps)
        {
            foreach (var need in step.Needs.Where(ids.ContainsKey))
            {
                text.Append($"  {ids[need]} --> {ids[step.Id]}\n");
            }
        }

        return text.ToString();
    }

    private static void AppendItem(StringBuilder text, PlanItem item, Dictionary<string, string> ids, string indent, ref int groupNumber)
    {
        if (item is PlanStep step)
        {
            var style = step.Certainty switch
            {
                Certainty.Skipped => ":::skipped",
                Certainty.ManualGate => ":::gate",
                Certainty.RuntimeDecided => ":::runtime",
                _ => "",
            };
            text.Append($"{indent}{ids[step.Id]}[\"{GraphLabels.MermaidEscape(GraphLabels.StepLabel(step))}\"]{style}\n");
            return;
        }

        var group = (PlanGroup)item;
        text.Append($"{indent}subgraph g{groupNumber++}[\"{GraphLabels.MermaidEscape(group.Id)}\"]\n");
        foreach (var child in group.Children)
        {
            AppendItem(text, child, ids, indent + "  ", ref groupNumber);
        }

        text.Append($"{indent}end\n");
    }
}
