using System.Text;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>
/// The change-ticket body (default of <c>alu plan --format markdown</c>), short enough for a ticket field at 16
/// nodes: the summary with the plan hash approvals bind to, parameters, cluster-wide steps, the per-node steps once
/// with the nodes they run on, gates and risks without repeats. The full listing (<c>--detail</c>) is the attachment.
/// </summary>
public sealed class SummaryMarkdownPlanRenderer : IPlanRenderer
{
    public string Format => "markdown";

    public string Render(Plan plan)
    {
        var md = new StringBuilder();
        MarkdownPlanRenderer.AppendSummary(md, plan);
        md.Append($"| Plan hash (approvals bind to it) | `{PlanFile.Hash(PlanFile.Serialize(plan))}` |\n");
        MarkdownPlanRenderer.AppendParameters(md, plan);

        var byNode = plan.Steps.ToLookup(s => MarkdownPlanRenderer.NodeOfInstance(s.Id, plan));
        md.Append("\n## Cluster-wide steps\n\n");
        MarkdownPlanRenderer.AppendStepTable(md, byNode[null]);
        var perNode = plan.Cluster.Nodes.SelectMany(n => byNode[n.Name].Select(step => (Node: n.Name, Step: step))).ToList();
        if (perNode.Count > 0)
        {
            md.Append($"\n## Steps on each node ({{node}} is each of: {MarkdownPlanRenderer.Cell(NodeVariants.List([.. plan.Cluster.Nodes.Select(n => n.Name)]))})\n\n");
            AppendPerNodeTable(md, perNode, plan.Cluster.Nodes.Count);
        }

        AppendGates(md, plan);
        AppendRisks(md, plan);
        md.Append("\n---\nThe full plan, every node's steps with their scripts: `alu plan ... --format markdown --detail` ")
            .Append("(saved beside the plan as `*.full.md` by `alu plan --out`).\n");
        return md.ToString();
    }

    private static void AppendPerNodeTable(StringBuilder md, List<(string Node, PlanStep Step)> steps, int nodeCount)
    {
        md.Append("| # | Step | Kind | Estimate | Certainty | Nodes |\n|---|---|---|---|---|---|\n");
        var rows = new List<(string Key, string Line, List<string> Nodes)>();
        foreach (var (node, step) in steps)
        {
            var id = NodeVariants.Normalize(step.Id, node);
            var name = step.DisplayName == step.Id[(step.Id.LastIndexOf('/') + 1)..] ? "" : $" {MarkdownPlanRenderer.Cell(NodeVariants.Normalize(step.DisplayName, node))}";
            var estimate = DurationParser.Format(step.Estimate) + (step.EstimateDefaulted ? " (default)" : "");
            var certainty = CertaintyText.Label(step.Certainty) + (step.SkippedReason is null ? "" : $": {NodeVariants.Normalize(step.SkippedReason, node)}");
            var line = $"`{MarkdownPlanRenderer.Cell(id)}`{name} | {step.Kind} | {estimate} | {MarkdownPlanRenderer.Cell(certainty)}";
            var at = rows.FindIndex(r => r.Key == line);
            if (at < 0)
            {
                rows.Add((line, line, [node]));
            }
            else
            {
                rows[at].Nodes.Add(node);
            }
        }

        var number = 0;
        foreach (var (_, line, nodes) in rows)
        {
            var which = nodes.Count == nodeCount ? $"all {nodeCount}" : MarkdownPlanRenderer.Cell(NodeVariants.List(nodes));
            md.Append($"| {++number} | {line} | {which} |\n");
        }
    }

    private static void AppendGates(StringBuilder md, Plan plan)
    {
        md.Append("\n## Manual gates\n\n");
        var gates = plan.Steps.Where(s => s.Certainty == Certainty.ManualGate)
            .Select(g => (Gate: g, Node: MarkdownPlanRenderer.NodeOfInstance(g.Id, plan)))
            .GroupBy(g => NodeVariants.Normalize(g.Gate.Id, g.Node ?? ""), StringComparer.Ordinal)
            .ToList();
        if (gates.Count == 0)
        {
            md.Append("None.\n");
        }

        foreach (var gate in gates)
        {
            var (first, node) = gate.First();
            var times = gate.Count() > 1 ? $" (× {gate.Count()} nodes)" : "";
            var text = NodeVariants.Normalize(first.Instructions ?? first.DisplayName, node ?? "");
            md.Append($"- **`{MarkdownPlanRenderer.Cell(gate.Key)}`**{times}: {MarkdownPlanRenderer.Cell(text).ReplaceLineEndings(" ").Trim()}\n");
        }
    }

    private static void AppendRisks(StringBuilder md, Plan plan)
    {
        // The detailed risks section repeats per node; render it, then drop the lines that differ only by node.
        var full = new StringBuilder();
        MarkdownPlanRenderer.AppendRisks(full, plan);
        var nodes = plan.Cluster.Nodes.Select(n => n.Name).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in full.ToString().Split('\n'))
        {
            var normalized = nodes.Aggregate(line, (text, node) => NodeVariants.Normalize(text, node));
            if (normalized.Length == 0 || seen.Add(normalized))
            {
                md.Append(normalized).Append('\n');
            }
        }

        while (md.Length > 1 && md[^1] == '\n' && md[^2] == '\n')
        {
            md.Length--;
        }
    }
}
