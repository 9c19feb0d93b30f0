using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Reporting;

/// <summary>
/// The fleet report as one self-contained HTML page (inline CSS, no script, no external asset, every value encoded),
/// to attach to a ticket or mail: the same sections as the Markdown report.
/// </summary>
internal static class HtmlFleetReport
{
    private const string Style =
        "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2329;margin:24px auto;max-width:1200px;padding:0 16px}" +
        "h1{font-size:22px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;width:100%;margin:6px 0}" +
        "th,td{border:1px solid #d8dde2;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef1f4}" +
        ".halt{background:#fdecea;border:1px solid #c0392b;padding:8px 12px}.done{color:#2e7d32}.failed{color:#c0392b;font-weight:600}" +
        ".refused{color:#7d3c98}dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dd{margin:0}dt{color:#5b6670}";

    public static string Render(FleetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fleet = report.Fleet;
        var html = new Html();
        html.Raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">").Element("title", $"Fleet report: {fleet.FleetName}")
            .Raw("<style>").Raw(Style).Raw("</style></head><body>\n");
        html.Raw("<h1>Fleet report: ").Text(fleet.FleetName).Raw("</h1>\n<dl>");
        Fact(html, "Run", fleet.FleetId);
        Fact(html, "State", FleetWords.Words(fleet.State));
        Fact(html, "Started", FleetWords.Time(fleet.StartedAt));
        Fact(html, "Finished", FleetWords.Time(fleet.FinishedAt));
        Fact(html, "Duration", FleetWords.Duration(fleet.StartedAt, fleet.FinishedAt));
        Fact(html, "Clusters", $"{report.Clusters.Count()} ({string.Join(", ", FleetWords.StateOrder.Select(s => (s, n: report.Count(s))).Where(x => x.n > 0).Select(x => $"{x.n} {FleetWords.Words(x.s)}"))})");
        html.Raw("</dl>\n");
        if (fleet.HaltReason is { } halt)
        {
            html.Raw("<p class=\"halt\"><strong>Halted:</strong> ").Text(halt).Raw("</p>\n");
        }

        StageTable(html, report);
        var number = 0;
        foreach (var stage in report.Stages)
        {
            number++;
            html.Raw("<h2>Stage ").Text(number).Raw(": ").Text(stage.Stage.Name).Raw("</h2>\n");
            ClusterTable(html, stage.Stage);
        }

        Failures(html, report);
        Gates(html, report);
        Events(html, report);
        html.Raw("</body></html>\n");
        return html.ToString();
    }

    private static void StageTable(Html html, FleetReport report)
    {
        html.Raw("<h2>Stages</h2>\n<table><thead><tr><th>#</th><th>Stage</th><th>State</th><th>Clusters</th><th>Done</th><th>Failed</th><th>Refused</th><th>Started</th><th>Finished</th><th>Duration</th><th>Gate</th></tr></thead><tbody>\n");
        var number = 0;
        foreach (var stage in report.Stages)
        {
            number++;
            html.Raw("<tr><td>").Text(number).Raw("</td><td>").Text(stage.Stage.Name).Raw("</td><td>").Text(FleetWords.Words(stage.Stage.State))
                .Raw("</td><td>").Text(stage.Stage.Clusters.Count).Raw("</td><td>").Text(stage.Count(ClusterRunState.Done))
                .Raw("</td><td>").Text(stage.Count(ClusterRunState.Failed)).Raw("</td><td>").Text(stage.Count(ClusterRunState.Refused))
                .Raw("</td><td>").Text(FleetWords.Time(stage.StartedAt)).Raw("</td><td>").Text(FleetWords.Time(stage.FinishedAt))
                .Raw("</td><td>").Text(stage.Duration).Raw("</td><td>").Text(stage.GateText).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void ClusterTable(Html html, StageStatus stage)
    {
        if (stage.Clusters.Count == 0)
        {
            html.Raw("<p>No clusters.</p>\n");
            return;
        }

        html.Raw("<table><thead><tr><th>Cluster</th><th>Site</th><th>Runbook</th><th>State</th><th>Started</th><th>Finished</th><th>Duration</th><th>Note</th></tr></thead><tbody>\n");
        foreach (var c in stage.Clusters)
        {
            html.Raw("<tr><td>").Text(c.Cluster).Raw("</td><td>").Text(c.Site).Raw("</td><td>").Text(FleetWords.Runbook(c.Runbook)).Raw("</td><td>")
                .Element("span", FleetWords.Words(c.State), FleetWords.Token(c.State))
                .Raw("</td><td>").Text(FleetWords.Time(c.StartedAt)).Raw("</td><td>").Text(FleetWords.Time(c.FinishedAt))
                .Raw("</td><td>").Text(FleetWords.Duration(c.StartedAt, c.FinishedAt)).Raw("</td><td>").Text(c.Reason ?? "").Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void Failures(Html html, FleetReport report)
    {
        html.Raw("<h2>Failures</h2>\n");
        var failures = report.Failures.ToList();
        if (failures.Count == 0)
        {
            html.Raw("<p>None.</p>\n");
            return;
        }

        html.Raw("<ul>\n");
        foreach (var (stage, cluster) in failures)
        {
            html.Raw("<li><strong>").Text(cluster.Cluster).Raw("</strong> (stage ").Text(stage).Raw(", run ").Text(cluster.RunId ?? "–").Raw("): ")
                .Text(cluster.Reason ?? "no reason recorded").Raw("</li>\n");
        }

        html.Raw("</ul>\n");
    }

    private static void Gates(Html html, FleetReport report)
    {
        html.Raw("<h2>Gates</h2>\n");
        var gates = report.Stages.Where(s => s.Stage.Gate is { Required: true }).ToList();
        if (gates.Count == 0)
        {
            html.Raw("<p>No stage has an approval gate.</p>\n");
            return;
        }

        html.Raw("<ul>\n");
        foreach (var stage in gates)
        {
            html.Raw("<li>After <strong>").Text(stage.Stage.Name).Raw("</strong>: ").Text(stage.GateText).Raw("</li>\n");
        }

        html.Raw("</ul>\n");
    }

    private static void Events(Html html, FleetReport report)
    {
        html.Raw("<h2>Fleet events</h2>\n");
        if (report.FleetEvents.Count == 0)
        {
            html.Raw("<p>None.</p>\n");
            return;
        }

        html.Raw("<table><thead><tr><th>#</th><th>At</th><th>Kind</th><th>Message</th></tr></thead><tbody>\n");
        foreach (var e in report.FleetEvents)
        {
            html.Raw("<tr><td>").Text(e.Sequence).Raw("</td><td>").Text(FleetWords.Time(e.At)).Raw("</td><td>").Text(e.Kind).Raw("</td><td>").Text(e.Message).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void Fact(Html html, string name, string value) => html.Raw("<dt>").Text(name).Raw("</dt><dd>").Text(value).Raw("</dd>");
}
