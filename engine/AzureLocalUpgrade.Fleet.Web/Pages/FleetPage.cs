using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>
/// One fleet at a glance: its state and halt reason, the stages with their gates (and the approve button where a
/// gate waits), then every cluster grouped by state with per-node progress, current step, next window and ETA.
/// </summary>
internal static class FleetPage
{
    public static string Render(FleetStatus fleet, PageContext context) =>
        Layout.Page(fleet.FleetName, context, html => Body(html, fleet, context), Links.FleetLive(fleet.FleetId));

    public static string Live(FleetStatus fleet, PageContext context)
    {
        var html = new Html();
        Body(html, fleet, context);
        return html.ToString();
    }

    private static void Body(Html html, FleetStatus fleet, PageContext context)
    {
        html.Raw("<h1>").Text(fleet.FleetName).Raw(" ").Element("span", FleetWords.Words(fleet.State), $"badge fleet-{fleet.State.ToString().ToLowerInvariant()}").Raw("</h1>");
        html.Raw("<p class=\"meta\">Run <code>").Text(fleet.FleetId).Raw("</code> · started ").Text(FleetWords.Time(fleet.StartedAt));
        if (fleet.FinishedAt is { } finished)
        {
            html.Raw(" · finished ").Text(FleetWords.Time(finished)).Raw(" (").Text(FleetWords.Duration(fleet.StartedAt, finished)).Raw(")");
        }

        html.Raw(" · report: ").Link(Links.Report(fleet.FleetId, "html"), "HTML").Raw(", ").Link(Links.Report(fleet.FleetId, "md"), "Markdown").Raw("</p>");
        if (fleet.HaltReason is { } reason)
        {
            html.Raw("<p class=\"halt\" id=\"halt-reason\"><strong>Halted:</strong> ").Text(reason).Raw("</p>");
        }

        Stages(html, fleet, context);
        html.Raw("<h2>Clusters by state</h2>");
        var clusters = fleet.Stages.SelectMany(s => s.Clusters.Select(c => (Stage: s.Name, Cluster: c))).ToList();
        html.Raw("<p class=\"tally\" id=\"tally\">");
        foreach (var state in FleetWords.StateOrder)
        {
            var token = FleetWords.Token(state);
            html.Raw("<span").Attr("data-state", token).Raw(">").Element("span", FleetWords.Words(state), $"badge cluster-{token}")
                .Raw(" ").Text(clusters.Count(c => c.Cluster.State == state)).Raw("</span> ");
        }

        html.Raw("</p>");
        foreach (var state in FleetWords.StateOrder)
        {
            var inState = clusters.Where(c => c.Cluster.State == state).ToList();
            if (inState.Count > 0)
            {
                ClustersIn(html, fleet.FleetId, state, inState);
            }
        }
    }

    private static void Stages(Html html, FleetStatus fleet, PageContext context)
    {
        html.Raw("<h2>Stages</h2><table id=\"stages\"><thead><tr><th>#</th><th>Stage</th><th>State</th><th>Done</th><th>Failed</th><th>Clusters</th><th>Gate</th></tr></thead><tbody>");
        var number = 0;
        foreach (var stage in fleet.Stages)
        {
            number++;
            html.Raw("<tr").Attr("data-stage", stage.Name).Raw("><td>").Text(number).Raw("</td><td>").Text(stage.Name).Raw("</td><td>")
                .Element("span", FleetWords.Words(stage.State), $"badge stage-{stage.State.ToString().ToLowerInvariant()}")
                .Raw("</td><td>").Text(stage.Clusters.Count(c => c.State == ClusterRunState.Done))
                .Raw("</td><td>").Text(stage.Clusters.Count(c => c.State == ClusterRunState.Failed))
                .Raw("</td><td>").Text(stage.Clusters.Count).Raw("</td><td class=\"gate\">");
            Gate(html, fleet.FleetId, stage, context);
            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static void Gate(Html html, string fleetId, StageStatus stage, PageContext context)
    {
        if (stage.Gate is not { Required: true } gate)
        {
            html.Raw("none");
        }
        else if (gate.ApprovedBy is { } who)
        {
            html.Raw("<span class=\"approved\">approved by <strong>").Text(who).Raw("</strong> at ").Text(FleetWords.Time(gate.ApprovedAt)).Raw("</span>");
        }
        else if (stage.State != StageState.AwaitingApproval)
        {
            html.Raw("approval needed after the stage");
        }
        else if (!context.AccessConfigured)
        {
            html.Raw("<span class=\"awaiting\">awaiting approval</span> (approve with <code>alu fleet approve</code>, or serve with --auth)");
        }
        else
        {
            html.Raw("<form class=\"approve\" method=\"post\"").Attr("action", Links.Approve(fleetId, stage.Name)).Raw(">");
            context.HiddenToken(html);
            html.Raw("<button type=\"submit\"").Attr("data-approve", stage.Name).Raw(">Approve the ").Text(stage.Name).Raw(" gate</button>");
            if (!context.CanApprove)
            {
                html.Raw(" <span class=\"note\">(operators only)</span>");
            }

            html.Raw("</form>");
        }
    }

    private static void ClustersIn(Html html, string fleetId, ClusterRunState state, IReadOnlyList<(string Stage, ClusterRunStatus Cluster)> clusters)
    {
        var token = FleetWords.Token(state);
        html.Raw("<section class=\"state\"").Attr("id", $"state-{token}").Raw("><h3>").Element("span", FleetWords.Words(state), $"badge cluster-{token}")
            .Raw(" <span class=\"count\">").Text(clusters.Count).Raw("</span></h3>")
            .Raw("<table><thead><tr><th>Cluster</th><th>Stage</th><th>Site</th><th>Runbook</th><th>Current step</th><th>Nodes</th><th>Next window</th><th>ETA</th><th>Note</th></tr></thead><tbody>");
        foreach (var (stage, cluster) in clusters)
        {
            html.Raw("<tr").Attr("data-cluster", cluster.Cluster).Raw("><td>").Link(Links.Cluster(fleetId, cluster.Cluster), cluster.Cluster)
                .Raw("</td><td>").Text(stage).Raw("</td><td>").Text(cluster.Site).Raw("</td><td>").Text(FleetWords.Runbook(cluster.Runbook))
                .Raw("</td><td>").Text(cluster.CurrentStep ?? "–").Raw("</td><td>");
            NodeProgressView.Write(html, cluster, detailed: state is ClusterRunState.Running or ClusterRunState.PausedAtGate or ClusterRunState.Failed);
            html.Raw("</td><td>").Text(ProgressWords.NextWindow(cluster)).Raw("</td><td>").Text(ProgressWords.Eta(cluster))
                .Raw("</td><td>").Text(cluster.Reason ?? "").Raw("</td></tr>");
        }

        html.Raw("</tbody></table></section>");
    }
}
