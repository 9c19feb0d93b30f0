namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>A page that says one thing: refused, not found, the store unreachable.</summary>
internal static class MessagePage
{
    public static string Render(string title, string message, PageContext context, string? backHref = null) =>
        Layout.Page(title, context, html =>
        {
            html.Raw("<h1>").Text(title).Raw("</h1><p class=\"message\" id=\"message\">").Text(message).Raw("</p>");
            html.Raw("<p>").Link(backHref ?? "/", "Back").Raw("</p>");
        });
}
