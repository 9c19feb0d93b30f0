using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>
/// The read-only pages: fleet list, fleet, cluster, each with a "/live" twin that returns the content alone for the
/// page's poll; and the fleet report in both formats. With an access file every page needs a signed-in user.
/// </summary>
internal static class PageEndpoints
{
    public static bool IsFragmentOrApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.Ordinal) || (path.Value?.EndsWith("/live", StringComparison.Ordinal) ?? false);

    public static void Map(WebApplication app, bool signInRequired)
    {
        var pages = app.MapGroup("");
        if (signInRequired)
        {
            pages.RequireAuthorization();
        }

        pages.MapGet("/", async (HttpContext context, IFleetStatusStore store, CancellationToken ct) =>
            PageContexts.Page(FleetListPage.Render(await store.ListFleetsAsync(ct).ConfigureAwait(false), PageContexts.For(context))));
        pages.MapGet(FleetListPage.LiveUrl, async (IFleetStatusStore store, CancellationToken ct) =>
            PageContexts.Page(FleetListPage.Live(await store.ListFleetsAsync(ct).ConfigureAwait(false))));

        pages.MapGet("/fleets/{fleetId}", (HttpContext context, string fleetId, IFleetStatusStore store, CancellationToken ct) =>
            WithFleet(context, fleetId, store, ct, fleet => FleetPage.Render(fleet, PageContexts.For(context))));
        pages.MapGet("/fleets/{fleetId}/live", (HttpContext context, string fleetId, IFleetStatusStore store, CancellationToken ct) =>
            WithFleet(context, fleetId, store, ct, fleet => FleetPage.Live(fleet, PageContexts.For(context))));

        pages.MapGet("/fleets/{fleetId}/clusters/{cluster}", (HttpContext context, string fleetId, string cluster, IFleetStatusStore store, CancellationToken ct) =>
            WithCluster(context, fleetId, cluster, store, ct, view => ClusterPage.Render(view, PageContexts.For(context))));
        pages.MapGet("/fleets/{fleetId}/clusters/{cluster}/live", (HttpContext context, string fleetId, string cluster, IFleetStatusStore store, CancellationToken ct) =>
            WithCluster(context, fleetId, cluster, store, ct, ClusterPage.Live));

        pages.MapGet("/fleets/{fleetId}/report.md", (HttpContext context, string fleetId, IFleetStatusStore store, CancellationToken ct) =>
            Report(context, fleetId, store, "text/markdown; charset=utf-8", MarkdownFleetReport.Render, ct));
        pages.MapGet("/fleets/{fleetId}/report.html", (HttpContext context, string fleetId, IFleetStatusStore store, CancellationToken ct) =>
            Report(context, fleetId, store, "text/html; charset=utf-8", HtmlFleetReport.Render, ct));
    }

    private static async Task<IResult> WithFleet(HttpContext context, string fleetId, IFleetStatusStore store, CancellationToken ct, Func<FleetStatus, string> render) =>
        await store.GetStatusAsync(fleetId, ct).ConfigureAwait(false) is { } fleet
            ? PageContexts.Page(render(fleet))
            : NotFound(context, $"The store holds no fleet run '{fleetId}'.");

    private static async Task<IResult> WithCluster(HttpContext context, string fleetId, string cluster, IFleetStatusStore store, CancellationToken ct, Func<ClusterView, string> render)
    {
        if (await store.GetStatusAsync(fleetId, ct).ConfigureAwait(false) is not { } fleet)
        {
            return NotFound(context, $"The store holds no fleet run '{fleetId}'.");
        }

        var found = fleet.Stages.SelectMany(s => s.Clusters.Select(c => (Stage: s.Name, Cluster: c)))
            .FirstOrDefault(c => string.Equals(c.Cluster.Cluster, cluster, StringComparison.OrdinalIgnoreCase));
        if (found.Cluster is null)
        {
            return NotFound(context, $"The fleet run '{fleet.FleetName}' has no cluster '{cluster}'.", Links.Fleet(fleetId));
        }

        var name = found.Cluster.Cluster;
        var view = new ClusterView(fleet, found.Stage, found.Cluster,
            await store.GetClusterPlanAsync(fleetId, name, ct).ConfigureAwait(false),
            await store.GetEventsAsync(fleetId, name, 0, ct).ConfigureAwait(false),
            await store.GetClusterReportAsync(fleetId, name, ct).ConfigureAwait(false));
        return PageContexts.Page(render(view));
    }

    private static async Task<IResult> Report(HttpContext context, string fleetId, IFleetStatusStore store, string contentType, Func<FleetReport, string> render, CancellationToken ct)
    {
        if (await FleetReport.LoadAsync(store, fleetId, ct).ConfigureAwait(false) is not { } report)
        {
            return NotFound(context, $"The store holds no fleet run '{fleetId}'.");
        }

        return Results.Content(render(report), contentType);
    }

    private static IResult NotFound(HttpContext context, string message, string? back = null) =>
        PageContexts.Page(MessagePage.Render("Not found", message, PageContexts.For(context), back), StatusCodes.Status404NotFound);
}
