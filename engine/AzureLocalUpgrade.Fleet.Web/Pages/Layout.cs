using AzureLocalUpgrade.Fleet.Reporting;

namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>The frame of every page: the stylesheet and script from the dashboard's own assets, who is signed in.</summary>
internal static class Layout
{
    public static string Page(string title, PageContext context, Action<Html> body, string? liveUrl = null)
    {
        var html = new Html();
        html.Raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Element("title", $"{title} · alu fleets")
            .Raw("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\"><script src=\"/assets/dashboard.js\" defer></script></head><body>");
        Header(html, context);
        html.Raw("<main");
        if (liveUrl is not null)
        {
            html.Attr("data-live", liveUrl);
        }

        html.Raw(">");
        body(html);
        html.Raw("</main></body></html>\n");
        return html.ToString();
    }

    private static void Header(Html html, PageContext context)
    {
        html.Raw("<header><a class=\"brand\" href=\"/\">alu fleets</a><span class=\"who\">");
        if (context.UserName is { } user)
        {
            html.Raw("Signed in as <strong id=\"user\">").Text(user).Raw("</strong> (").Text(context.Role?.ToString().ToLowerInvariant()).Raw(") ");
            html.Raw("<form class=\"inline\" method=\"post\" action=\"/signout\">");
            context.HiddenToken(html);
            html.Raw("<button type=\"submit\">Sign out</button></form>");
        }
        else if (context.AccessConfigured)
        {
            html.Link("/signin", "Sign in");
        }
        else
        {
            html.Raw("Read-only: started without --auth, so nobody can approve gates here.");
        }

        html.Raw("</span></header>");
    }
}
