using System.Globalization;
using System.Text;

namespace AzureLocalUpgrade.Fleet.Planning.Rendering;

/// <summary>
/// <c>alu fleet plan</c> as text: a summary, then per stage its rules and a table (cluster, site, nodes, runbook,
/// estimate, expected window in the cluster's zone and in UTC), then the refused clusters with their reasons.
/// One line per cluster, so a 120-cluster fleet reads as a list; no colour and no terminal width, so it diffs.
/// </summary>
internal static class FleetPlanTextRenderer
{
    private static readonly string[] Header = ["CLUSTER", "SITE", "NODES", "RUNBOOK", "ESTIMATE", "WINDOW (LOCAL)", "WINDOW (UTC)"];

    public static string Render(FleetPlan plan, string hash)
    {
        var text = new StringBuilder();
        var planned = plan.Clusters.ToList();
        text.Append(CultureInfo.InvariantCulture, $"Fleet {plan.FleetName}");
        text.Append(plan.Description is { Length: > 0 } d ? $": {d}\n" : "\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{planned.Count} cluster(s) planned ({planned.Sum(c => c.Nodes)} nodes) in {plan.Stages.Count} stage(s), {plan.Refused.Count} refused.\n");
        text.Append(CultureInfo.InvariantCulture, $"Start {FleetPlanText.Utc(plan.Start)}");
        text.Append(plan.ExpectedEnd is { } end ? $"; last cluster expected to finish {FleetPlanText.Utc(end)}.\n" : ".\n");
        text.Append(CultureInfo.InvariantCulture, $"Plan hash {hash}\n");
        foreach (var stage in plan.Stages)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nStage {stage.Index} {stage.Name}: {stage.Clusters.Count} cluster(s); {FleetPlanText.Rules(stage)}\n");
            text.Append(CultureInfo.InvariantCulture, $"  starts not before {FleetPlanText.Utc(stage.NotBefore)}");
            text.Append(stage.ExpectedEnd is { } stageEnd ? $", expected to finish {FleetPlanText.Utc(stageEnd)}" : ", holds no cluster");
            text.Append(CultureInfo.InvariantCulture, $"; the next stage not before {FleetPlanText.Utc(stage.GateAt)}\n");
            if (stage.Clusters.Count > 0)
            {
                AppendTable(text, stage.Clusters.Select(Row).ToList());
            }
        }

        if (plan.Refused.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nRefused ({plan.Refused.Count}): not upgraded by this fleet\n");
            var width = plan.Refused.Max(r => r.Name.Length);
            foreach (var refused in plan.Refused)
            {
                foreach (var (reason, i) in refused.Reasons.Select((r, i) => (r, i)))
                {
                    var who = i == 0 ? refused.Name.PadRight(width) : new string(' ', width);
                    text.Append(CultureInfo.InvariantCulture, $"  {who}  {reason.Code}: {reason.Message}\n");
                }
            }
        }

        var notes = planned.Where(c => c.Notes.Count > 0).ToList();
        if (notes.Count > 0)
        {
            text.Append("\nNotes from the runbook guards\n");
            foreach (var cluster in notes)
            {
                foreach (var note in cluster.Notes)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {cluster.Name}  {note}\n");
                }
            }
        }

        return text.ToString();
    }

    private static string[] Row(PlannedCluster c) =>
    [
        c.Name, c.Site, c.Nodes.ToString(CultureInfo.InvariantCulture), c.Runbook, FleetPlanText.Estimate(c.Estimate),
        FleetPlanText.LocalSpan(c.Window) + FleetPlanText.Openings(c.Window), FleetPlanText.UtcSpan(c.Window),
    ];

    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = Header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        foreach (var row in rows.Prepend(Header))
        {
            text.Append("  ");
            for (var i = 0; i < row.Length; i++)
            {
                var cell = i == 2 ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i]);
                text.Append(i == row.Length - 1 ? row[i] : cell + "  ");
            }

            text.Append('\n');
        }
    }
}
