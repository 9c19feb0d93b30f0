using System.Text;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>The default <c>--format mermaid</c>: one box per group (<see cref="CollapsedGraph"/>); <c>--detail</c> gives every step.</summary>
public sealed class CollapsedMermaidPlanRenderer : IPlanRenderer
{
    public string Format => "mermaid";

    public string Render(Plan plan)
    {
        var graph = CollapsedGraph.Of(plan);
        var text = new StringBuilder("flowchart TD\n");
        text.Append("  classDef skipped stroke-dasharray: 5 5,color:#888\n");
        text.Append("  classDef gate fill:#fff3cd,stroke:#c90\n");
        for (var i = 0; i < graph.Boxes.Count; i++)
        {
            var box = graph.Boxes[i];
            var style = box.AllSkipped ? ":::skipped" : box.HasGate ? ":::gate" : "";
            text.Append($"  b{i}[\"{GraphLabels.MermaidEscape(box.Label)}\"]{style}\n");
        }

        foreach (var (from, to) in graph.Edges)
        {
            text.Append($"  b{from} --> b{to}\n");
        }

        return text.ToString();
    }
}
