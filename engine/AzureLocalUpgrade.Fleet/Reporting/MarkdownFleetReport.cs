using System.Text;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Reporting;

/// <summary>
/// The fleet report as Markdown for a change ticket: the fleet's outcome, the stages, then stage by stage every
/// cluster with its duration, the failures, the gates (who approved, when) and the fleet's own events.
/// </summary>
internal static class MarkdownFleetReport
{
    public static string Render(FleetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fleet = report.Fleet;
        var md = new StringBuilder();
        md.Append("# Fleet report: ").Append(Inline(fleet.FleetName)).Append("\n\n");
        md.Append("- Run: `").Append(fleet.FleetId.Replace("`", "'", StringComparison.Ordinal)).Append("`\n");
        md.Append("- State: **").Append(FleetWords.Words(fleet.State)).Append("**\n");
        md.Append("- Started: ").Append(FleetWords.Time(fleet.StartedAt)).Append('\n');
        md.Append("- Finished: ").Append(FleetWords.Time(fleet.FinishedAt)).Append('\n');
        md.Append("- Duration: ").Append(FleetWords.Duration(fleet.StartedAt, fleet.FinishedAt)).Append('\n');
        md.Append("- Clusters: ").Append(report.Clusters.Count()).Append(" (")
            .AppendJoin(", ", FleetWords.StateOrder.Select(s => (s, n: report.Count(s))).Where(x => x.n > 0).Select(x => $"{x.n} {FleetWords.Words(x.s)}"))
            .Append(")\n");
        if (fleet.HaltReason is { } halt)
        {
            md.Append("- **Halted:** ").Append(Inline(halt)).Append('\n');
        }

        md.Append("\n## Stages\n\n| # | Stage | State | Clusters | Done | Failed | Refused | Started | Finished | Duration | Gate |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        var number = 0;
        foreach (var stage in report.Stages)
        {
            number++;
            md.Append("| ").Append(number).Append(" | ").Append(Cell(stage.Stage.Name)).Append(" | ").Append(FleetWords.Words(stage.Stage.State))
                .Append(" | ").Append(stage.Stage.Clusters.Count).Append(" | ").Append(stage.Count(ClusterRunState.Done))
                .Append(" | ").Append(stage.Count(ClusterRunState.Failed)).Append(" | ").Append(stage.Count(ClusterRunState.Refused))
                .Append(" | ").Append(FleetWords.Time(stage.StartedAt)).Append(" | ").Append(FleetWords.Time(stage.FinishedAt))
                .Append(" | ").Append(stage.Duration).Append(" | ").Append(Cell(stage.GateText)).Append(" |\n");
        }

        number = 0;
        foreach (var stage in report.Stages)
        {
            number++;
            md.Append("\n## Stage ").Append(number).Append(": ").Append(Inline(stage.Stage.Name)).Append("\n\n");
            if (stage.Stage.Clusters.Count == 0)
            {
                md.Append("No clusters.\n");
                continue;
            }

            md.Append("| Cluster | Site | Runbook | State | Started | Finished | Duration | Note |\n|---|---|---|---|---|---|---|---|\n");
            foreach (var c in stage.Stage.Clusters)
            {
                md.Append("| ").Append(Cell(c.Cluster)).Append(" | ").Append(Cell(c.Site)).Append(" | ").Append(Cell(FleetWords.Runbook(c.Runbook)))
                    .Append(" | ").Append(FleetWords.Words(c.State)).Append(" | ").Append(FleetWords.Time(c.StartedAt)).Append(" | ").Append(FleetWords.Time(c.FinishedAt))
                    .Append(" | ").Append(FleetWords.Duration(c.StartedAt, c.FinishedAt)).Append(" | ").Append(Cell(c.Reason ?? "")).Append(" |\n");
            }
        }

        md.Append("\n## Failures\n\n");
        var failures = report.Failures.ToList();
        if (failures.Count == 0)
        {
            md.Append("None.\n");
        }

        foreach (var (stage, cluster) in failures)
        {
            md.Append("- **").Append(Inline(cluster.Cluster)).Append("** (stage ").Append(Inline(stage)).Append(", run ").Append(Inline(cluster.RunId ?? "–")).Append("): ")
                .Append(Inline(cluster.Reason ?? "no reason recorded")).Append('\n');
        }

        md.Append("\n## Gates\n\n");
        var gates = report.Stages.Where(s => s.Stage.Gate is { Required: true }).ToList();
        if (gates.Count == 0)
        {
            md.Append("No stage has an approval gate.\n");
        }

        foreach (var stage in gates)
        {
            md.Append("- After **").Append(Inline(stage.Stage.Name)).Append("**: ").Append(Inline(stage.GateText)).Append('\n');
        }

        md.Append("\n## Fleet events\n\n");
        if (report.FleetEvents.Count == 0)
        {
            md.Append("None.\n");
            return md.ToString();
        }

        md.Append("| # | At | Kind | Message |\n|---|---|---|---|\n");
        foreach (var e in report.FleetEvents)
        {
            md.Append("| ").Append(e.Sequence).Append(" | ").Append(FleetWords.Time(e.At)).Append(" | ").Append(Cell(e.Kind)).Append(" | ").Append(Cell(e.Message)).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>Text inside a table cell: no line breaks, pipes escaped, and no raw HTML a renderer would interpret.</summary>
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text on one Markdown line: line breaks become spaces; Markdown and HTML punctuation is escaped.</summary>
    private static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']':
                    builder.Append('\\').Append(ch);
                    break;
                default:
                    builder.Append(char.IsControl(ch) ? ' ' : ch);
                    break;
            }
        }

        return builder.ToString();
    }
}
