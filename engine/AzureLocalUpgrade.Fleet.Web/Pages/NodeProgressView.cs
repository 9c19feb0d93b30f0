using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>A cluster's nodes: one progress bar per node while it runs, a count otherwise.</summary>
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

        html.Raw("<div class=\"nodes\">");
        foreach (var node in cluster.Nodes)
        {
            var total = Math.Max(node.StepsTotal, 1);
            html.Raw("<div class=\"node\"").Attr("data-node", node.Node).Raw("><span class=\"node-name\">").Text(node.Node).Raw("</span><progress")
                .Attr("max", total.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Attr("value", Math.Min(node.StepsDone, total).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Raw("></progress><span class=\"node-state\">").Text(node.StepsDone).Raw("/").Text(node.StepsTotal).Raw(" · ").Text(node.State).Raw("</span></div>");
        }

        html.Raw("</div>");
    }
}
