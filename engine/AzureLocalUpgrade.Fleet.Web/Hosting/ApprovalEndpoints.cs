using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Web.Access;
using AzureLocalUpgrade.Fleet.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>
/// Approving a stage gate from the fleet page: a signed-in operator only (a viewer gets 403 and a sentence saying why),
/// the form's anti-forgery token checked first, and the approval recorded with who and when through the store.
/// </summary>
internal static class ApprovalEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/fleets/{fleetId}/stages/{stage}/approve", async (HttpContext context, string fleetId, string stage, IAntiforgery antiforgery,
            IFleetStatusStore store, TimeProvider time, DashboardAccessHolder holder, ILoggerFactory logs) =>
        {
            if (holder.Access is null)
            {
                return Refuse(context, fleetId, "This dashboard was started without --auth, so nobody can approve gates here; use alu fleet approve.");
            }

            if (DashboardPrincipal.Name(context.User) is null)
            {
                return Results.Redirect($"/signin?returnUrl={Uri.EscapeDataString(Links.Fleet(fleetId))}");
            }

            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return SignInEndpoints.FormExpired(context);
            }

            var outcome = await ApproveAsync(store, time, context.User, fleetId, stage, logs, context.RequestAborted).ConfigureAwait(false);
            return outcome switch
            {
                ApprovalOutcome.Approved => Results.Redirect(Links.Fleet(fleetId), permanent: false, preserveMethod: false),
                ApprovalOutcome.NotOperator => Refuse(context, fleetId,
                    $"Refused: approving a stage gate needs the operator role, and {DashboardPrincipal.Name(context.User)} is a viewer."),
                _ => PageContexts.Page(MessagePage.Render("Not awaiting approval",
                    $"The gate after stage '{stage}' is not awaiting approval: it was approved already, its stage has not finished, or the fleet has no such stage.",
                    PageContexts.For(context), Links.Fleet(fleetId)), StatusCodes.Status409Conflict),
            };
        });
    }

    /// <summary>The one approval path of the pages and the API: role check, then the store records who and when.</summary>
    public static async Task<ApprovalOutcome> ApproveAsync(IFleetStatusStore store, TimeProvider time, System.Security.Claims.ClaimsPrincipal user,
        string fleetId, string stage, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger("AzureLocalUpgrade.Fleet.Web.Approvals");
        var who = DashboardPrincipal.Name(user);
        if (who is null || DashboardPrincipal.Role(user) != DashboardRole.Operator)
        {
            log.LogWarning("Approval of {Fleet} stage {Stage} refused: {User} is not an operator", fleetId, stage, who);
            return ApprovalOutcome.NotOperator;
        }

        var at = time.GetUtcNow();
        if (!await store.ApproveAsync(fleetId, stage, who, at, ct).ConfigureAwait(false))
        {
            return ApprovalOutcome.NotAwaiting;
        }

        log.LogInformation("{User} approved the gate after stage {Stage} of fleet {Fleet} at {At:O}", who, stage, fleetId, at);
        return ApprovalOutcome.Approved;
    }

    private static IResult Refuse(HttpContext context, string fleetId, string message) =>
        PageContexts.Page(MessagePage.Render("Approval refused", message, PageContexts.For(context), Links.Fleet(fleetId)), StatusCodes.Status403Forbidden);
}

internal enum ApprovalOutcome { Approved, NotOperator, NotAwaiting }
