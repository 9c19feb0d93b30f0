using System.Text;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>The default <c>--format dot</c>: one box per group (<see cref="CollapsedGraph"/>); <c>--detail</c> gives every step.</summary>
public sealed class CollapsedDotPlanRenderer : IPlanRenderer
{
    public string Format => "dot";

    public string Render(Plan plan)
    {
        var graph = CollapsedGraph.Of(plan);
        var text = new StringBuilder();
        text.Append($"digraph \"{GraphLabels.DotEscape(plan.Runbook.Name)}\" {{\n");
        text.Append("  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        for (var i = 0; i < graph.Boxes.Count; i++)
        {
            var box = graph.Boxes[i];
            var style = box.AllSkipped ? ", style=dashed, fontcolor=gray" : box.HasGate ? ", style=filled, fillcolor=\"#fff3cd\"" : "";
            text.Append($"  b{i} [label=\"{GraphLabels.DotEscape(box.Label)}\"{style}];\n");
        }

        foreach (var (from, to) in graph.Edges)
        {
            text.Append($"  b{from} -> b{to};\n");
        }

        text.Append("}\n");
        return text.ToString();
    }
}
