using System.Globalization;
using System.Text;

namespace AzureLocalUpgrade.Engine.Reporting;

/// <summary>A Markdown report for change tickets: outcome, per-step table, approvals, warnings, final builds, leftovers.</summary>
public static class MarkdownReportWriter
{
    public static string Write(RunReport report)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Run {report.RunId}: {report.Outcome}\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append(CultureInfo.InvariantCulture, $"| runbook | {Cell(report.RunbookName)} {Cell(report.RunbookVersion)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| cluster | {Cell(report.ClusterName)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| started | {Time(report.StartedAt)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| finished | {(report.FinishedAt is { } f ? Time(f) : "not finished")} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| exit code | {report.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none yet"} |\n");
        if (report.Reason is not null)
        {
            md.Append(CultureInfo.InvariantCulture, $"| reason | {Cell(report.Reason)} |\n");
        }

        if (report.Sessions > 1)
        {
            md.Append(CultureInfo.InvariantCulture, $"| sessions | {report.Sessions} (resumed {report.Sessions - 1} time(s)) |\n");
        }

        AppendSteps(md, report.Steps);
        AppendList(md, "Failed attempts", report.FailedAttempts.Select(a => $"`{a.StepId}` attempt {a.Attempt}: {a.Outcome}" + (a.Message is null ? "" : $" ({a.Message})")));
        AppendList(md, "Approvals", report.Approvals.Select(a => $"`{a.GateId}` approved by {a.ApprovedBy} at {Time(a.ApprovedAt)} ({a.How})"));
        AppendList(md, "Operator decisions", report.Decisions);
        AppendList(md, "Warnings", report.Warnings);
        AppendList(md, "Final build per node", report.FinalBuilds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
        AppendList(md, "Left behind by this run", report.LeftBehind);
        return md.ToString();
    }

    private static void AppendSteps(StringBuilder md, IReadOnlyList<StepReport> steps)
    {
        md.Append("\n## Steps\n\n| step | where | status | duration | attempts | note |\n|---|---|---|---|---|---|\n");
        foreach (var step in steps)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| `{step.Id}` | {Cell(step.Target)} | {step.Status} | {Duration(step.Duration)} | {step.Attempts} | {Cell(step.Message ?? "")} |\n");
        }
    }

    private static void AppendList(StringBuilder md, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        md.Append(CultureInfo.InvariantCulture, $"\n## {title}\n\n");
        if (list.Count == 0)
        {
            md.Append("None.\n");
            return;
        }

        foreach (var item in list)
        {
            // A multi-line error message must not end the list item half way.
            md.Append("- ").Append(item.ReplaceLineEndings(" ")).Append('\n');
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    // The one duration format of alu (DurationText), as in plans and status.
    internal static string Duration(TimeSpan span) => Text.DurationText.Of(span);
}
