using Microsoft.AspNetCore.Http;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>
/// Headers on every response: scripts and styles only from the dashboard itself (no inline script, no CDN), no
/// framing (an approve button inside another site's frame could be clicked by deceit), no caching of pages.
/// </summary>
internal static class SecurityHeaders
{
    public static Task Add(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
        {
            headers.CacheControl = "no-store";
        }

        return next();
    }
}
