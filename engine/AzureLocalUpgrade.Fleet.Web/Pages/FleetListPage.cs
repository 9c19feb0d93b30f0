using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>The start page: every fleet run the store holds, newest first.</summary>
internal static class FleetListPage
{
    public const string LiveUrl = "/live";

    public static string Render(IReadOnlyList<FleetSummary> fleets, PageContext context) =>
        Layout.Page("Fleets", context, html => Body(html, fleets), LiveUrl);

    /// <summary>The page's content alone, for its poll.</summary>
    public static string Live(IReadOnlyList<FleetSummary> fleets)
    {
        var html = new Html();
        Body(html, fleets);
        return html.ToString();
    }

    private static void Body(Html html, IReadOnlyList<FleetSummary> fleets)
    {
        html.Raw("<h1>Fleets</h1>");
        if (fleets.Count == 0)
        {
            html.Raw("<p class=\"empty\">The store holds no fleet run yet: start one with <code>alu fleet run FLEET</code> or <code>alu fleet start FLEET --db CONN</code>.</p>");
            return;
        }

        html.Raw("<table id=\"fleets\"><thead><tr><th>Fleet</th><th>Run</th><th>State</th><th>Started</th></tr></thead><tbody>");
        foreach (var fleet in fleets.OrderByDescending(f => f.StartedAt))
        {
            html.Raw("<tr><td>").Link(Links.Fleet(fleet.FleetId), fleet.FleetName).Raw("</td><td><code>").Text(fleet.FleetId).Raw("</code></td><td>")
                .Element("span", FleetWords.Words(fleet.State), $"badge fleet-{fleet.State.ToString().ToLowerInvariant()}")
                .Raw("</td><td>").Text(FleetWords.Time(fleet.StartedAt)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }
}
