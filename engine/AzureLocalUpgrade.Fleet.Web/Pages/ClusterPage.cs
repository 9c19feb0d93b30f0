using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>What the dashboard knows of one cluster of a fleet run: its state, plan summary, events and run report.</summary>
internal sealed record ClusterView(FleetStatus Fleet, string Stage, ClusterRunStatus Cluster, string? Plan, IReadOnlyList<FleetEvent> Events, string? Report);

/// <summary>A cluster's page: where it stands (nodes, step, window, ETA), the plan summary, its events, its report.</summary>
internal static class ClusterPage
{
    public static string Render(ClusterView view, PageContext context) =>
        Layout.Page($"{view.Cluster.Cluster} · {view.Fleet.FleetName}", context, html => Body(html, view), Links.ClusterLive(view.Fleet.FleetId, view.Cluster.Cluster));

    public static string Live(ClusterView view)
    {
        var html = new Html();
        Body(html, view);
        return html.ToString();
    }

    private static void Body(Html html, ClusterView view)
    {
        var cluster = view.Cluster;
        var token = FleetWords.Token(cluster.State);
        html.Raw("<p class=\"crumbs\">").Link("/", "Fleets").Raw(" › ").Link(Links.Fleet(view.Fleet.FleetId), view.Fleet.FleetName).Raw("</p>");
        html.Raw("<h1>").Text(cluster.Cluster).Raw(" ").Element("span", FleetWords.Words(cluster.State), $"badge cluster-{token}").Raw("</h1>");
        html.Raw("<dl class=\"facts\">");
        Fact(html, "Stage", view.Stage);
        Fact(html, "Site", cluster.Site);
        Fact(html, "Runbook", FleetWords.Runbook(cluster.Runbook));
        Fact(html, "Run", cluster.RunId ?? "–");
        Fact(html, "Current step", cluster.CurrentStep ?? "–");
        Fact(html, "Progress", ProgressWords.Summary(cluster) is { Length: > 0 } summary ? summary : "–");
        Fact(html, "Next window", ProgressWords.NextWindow(cluster));
        Fact(html, "ETA", ProgressWords.Eta(cluster));
        Fact(html, "Started", FleetWords.Time(cluster.StartedAt));
        Fact(html, "Finished", FleetWords.Time(cluster.FinishedAt));
        Fact(html, "Duration", FleetWords.Duration(cluster.StartedAt, cluster.FinishedAt));
        if (cluster.Reason is { } reason)
        {
            Fact(html, cluster.State == ClusterRunState.Refused ? "Refused because" : "Note", reason);
        }

        html.Raw("</dl><h2>Nodes</h2>");
        NodeProgressView.Write(html, cluster, detailed: true);
        html.Raw("<h2>Plan summary</h2>");
        Preformatted(html, "plan", view.Plan, "No plan: the fleet plan refused this cluster or has not planned it yet.");
        Events(html, view.Events);
        html.Raw("<h2>Report</h2>");
        Preformatted(html, "report", view.Report, "No report yet: the cluster's run writes one when it ends.");
    }

    private static void Events(Html html, IReadOnlyList<FleetEvent> events)
    {
        html.Raw("<h2>Events</h2>");
        if (events.Count == 0)
        {
            html.Raw("<p class=\"empty\">No events yet.</p>");
            return;
        }

        html.Raw("<table id=\"events\"><thead><tr><th>#</th><th>At</th><th>Kind</th><th>Message</th></tr></thead><tbody>");
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            html.Raw("<tr><td>").Text(e.Sequence).Raw("</td><td>").Text(FleetWords.Time(e.At)).Raw("</td><td>").Text(e.Kind).Raw("</td><td>").Text(e.Message).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static void Fact(Html html, string name, string value) => html.Raw("<dt>").Text(name).Raw("</dt><dd>").Text(value).Raw("</dd>");

    private static void Preformatted(Html html, string id, string? text, string whenMissing)
    {
        if (string.IsNullOrEmpty(text))
        {
            html.Raw("<p class=\"empty\">").Text(whenMissing).Raw("</p>");
            return;
        }

        html.Raw("<pre").Attr("id", id).Raw(">").Text(text).Raw("</pre>");
    }
}
