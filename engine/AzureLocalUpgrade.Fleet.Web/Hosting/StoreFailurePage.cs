using AzureLocalUpgrade.Fleet.Web.Pages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>
/// What a request gets when the store fails (PostgreSQL restarting, the SQLite file locked): 503 and a sentence, never
/// a stack trace; the exception goes to the log only (its message, no connection string).
/// </summary>
internal static class StoreFailurePage
{
    public static async Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AzureLocalUpgrade.Fleet.Web")
            .LogError("The fleet store failed while serving {Path}: {Message}", context.Request.Path.Value, error?.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (PageEndpoints.IsFragmentOrApi(context.Request.Path))
        {
            await context.Response.WriteAsJsonAsync(new { error = "The fleet store did not answer; try again shortly." }).ConfigureAwait(false);
            return;
        }

        var page = MessagePage.Render("Store unavailable", "The fleet store did not answer. The page tries again when you reload it; the dashboard's log says why.",
            new PageContext(null, null, false, null, null));
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page).ConfigureAwait(false);
    }
}
