using AzureLocalUpgrade.Fleet.Web.Access;
using AzureLocalUpgrade.Fleet.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>The <see cref="PageContext"/> of a request: the signed-in user and a fresh anti-forgery token.</summary>
internal static class PageContexts
{
    public static PageContext For(HttpContext context)
    {
        var access = context.RequestServices.GetRequiredService<DashboardAccessHolder>().Access;
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new PageContext(DashboardPrincipal.Name(context.User), DashboardPrincipal.Role(context.User), access is not null, tokens.FormFieldName, tokens.RequestToken);
    }

    public static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
