using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>
/// A cluster's nodes: while it runs, the compact summary and one progress bar per node (steps done of its own, its
/// phase, its build when known; the step it runs in the tooltip); a count otherwise.
/// </summary>
internal static class NodeProgressView
{
    public static void Write(Html html, ClusterRunStatus cluster, bool detailed)
    {
        if (cluster.Nodes.Count == 0)
        {
            html.Raw("–");
            return;
        }

        if (!detailed)
        {
            html.Text(cluster.Nodes.Count).Raw(cluster.Nodes.Count == 1 ? " node" : " nodes");
            return;
        }

        html.Raw("<div class=\"nodes\"><div class=\"progress-summary\">").Text(ProgressWords.Summary(cluster)).Raw("</div>");
        foreach (var node in cluster.Nodes)
        {
            var total = Math.Max(node.StepsTotal, 1);
            html.Raw("<div class=\"node\"").Attr("data-node", node.Node).Raw("><span class=\"node-name\">").Text(node.Node).Raw("</span><progress")
                .Attr("max", total.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Attr("value", Math.Min(node.StepsDone, total).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Raw("></progress><span class=\"node-state\"").Attr("title", node.Step ?? "").Raw(">").Text(node.StepsDone).Raw("/").Text(node.StepsTotal).Raw(" · ").Text(node.State);
            if (node.Build is { } build)
            {
                html.Raw(" · ").Text(build);
            }

            html.Raw("</span></div>");
        }

        html.Raw("</div>");
    }
}
