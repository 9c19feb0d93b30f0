using AzureLocalUpgrade.Fleet.Web.Access;
using AzureLocalUpgrade.Fleet.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>
/// Sign-in with an account and password (checked against its salted hash) or a token, into an HttpOnly, SameSite=Strict
/// cookie; sign-out. Both forms carry an anti-forgery token. A wrong name and a wrong password read the same, and
/// neither the password nor the token is ever logged.
/// </summary>
internal static class SignInEndpoints
{
    private const string Refused = "The account and password, or the token, are not right.";

    public static void Map(WebApplication app)
    {
        app.MapGet("/signin", (HttpContext context, string? returnUrl) =>
            PageContexts.Page(SignInPage.Render(PageContexts.For(context), LocalOnly(returnUrl), null))).AllowAnonymous();

        app.MapPost("/signin", async (HttpContext context, IAntiforgery antiforgery, DashboardAccessHolder holder, ILoggerFactory logs) =>
        {
            var log = logs.CreateLogger("AzureLocalUpgrade.Fleet.Web.SignIn");
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return FormExpired(context);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var returnUrl = LocalOnly(form["returnUrl"].ToString());
            if (holder.Access is not { } access)
            {
                return PageContexts.Page(SignInPage.Render(PageContexts.For(context), returnUrl, "This dashboard was started without --auth: nobody can sign in."), StatusCodes.Status403Forbidden);
            }

            var (name, role) = Check(access, form["user"].ToString(), form["password"].ToString(), form["token"].ToString());
            if (name is null)
            {
                log.LogWarning("Sign-in refused from {Remote}", context.Connection.RemoteIpAddress);
                return PageContexts.Page(SignInPage.Render(PageContexts.For(context), returnUrl, Refused), StatusCodes.Status401Unauthorized);
            }

            await context.SignInAsync(DashboardPrincipal.CookieScheme, DashboardPrincipal.Create(name, role, DashboardPrincipal.CookieScheme)).ConfigureAwait(false);
            log.LogInformation("{User} signed in as {Role}", name, DashboardPrincipal.RoleName(role));
            return Results.Redirect(returnUrl);
        }).AllowAnonymous();

        app.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return FormExpired(context);
            }

            await context.SignOutAsync(DashboardPrincipal.CookieScheme).ConfigureAwait(false);
            return Results.Redirect("/signin");
        }).AllowAnonymous();
    }

    public static IResult FormExpired(HttpContext context) =>
        PageContexts.Page(MessagePage.Render("Form expired",
            "The form's anti-forgery token is missing or no longer valid (the page was open across a sign-in or a dashboard restart, or the form came from another site). Reload the page and try again.",
            PageContexts.For(context)), StatusCodes.Status400BadRequest);

    private static (string? Name, DashboardRole Role) Check(DashboardAccess access, string user, string password, string token)
    {
        if (token.Length > 0)
        {
            return PasswordHashes.MatchToken(access.Tokens, token) is { } match ? (match.Name, match.Role) : (null, DashboardRole.Viewer);
        }

        var account = access.FindAccount(user);
        return PasswordHashes.Verify(account, password) ? (account!.Name, account.Role) : (null, DashboardRole.Viewer);
    }

    /// <summary>Only a path on this dashboard: "//evil.example" or "https://..." would send the user elsewhere after sign-in.</summary>
    private static string LocalOnly(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
