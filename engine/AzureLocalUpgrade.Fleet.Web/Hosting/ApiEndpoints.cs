using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Web.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>
/// The JSON API for scripts: fleets and a fleet's status; approving a gate with a bearer token only (a cookie is never
/// accepted here, so a page on another site cannot make a signed-in browser approve: no anti-forgery token needed).
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app, bool signInRequired)
    {
        var api = app.MapGroup("/api");
        if (signInRequired)
        {
            api.RequireAuthorization();
        }

        api.MapGet("/fleets", async (IFleetStatusStore store, CancellationToken ct) => Results.Json(await store.ListFleetsAsync(ct).ConfigureAwait(false)));
        api.MapGet("/fleets/{fleetId}", async (string fleetId, IFleetStatusStore store, CancellationToken ct) =>
            await store.GetStatusAsync(fleetId, ct).ConfigureAwait(false) is { } fleet ? Results.Json(fleet) : Results.NotFound(new { error = $"no fleet run '{fleetId}'" }));

        app.MapPost("/api/fleets/{fleetId}/stages/{stage}/approve", async (HttpContext context, string fleetId, string stage, IFleetStatusStore store,
            TimeProvider time, ILoggerFactory logs) =>
            await ApprovalEndpoints.ApproveAsync(store, time, context.User, fleetId, stage, logs, context.RequestAborted).ConfigureAwait(false) switch
            {
                ApprovalOutcome.Approved => Results.Json(await store.GetStatusAsync(fleetId, context.RequestAborted).ConfigureAwait(false)),
                ApprovalOutcome.NotOperator => Results.Json(new { error = "approving a stage gate needs a token with the operator role" }, statusCode: StatusCodes.Status403Forbidden),
                _ => Results.Json(new { error = $"the gate after stage '{stage}' is not awaiting approval" }, statusCode: StatusCodes.Status409Conflict),
            })
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(DashboardPrincipal.BearerScheme).RequireAuthenticatedUser());
    }
}
