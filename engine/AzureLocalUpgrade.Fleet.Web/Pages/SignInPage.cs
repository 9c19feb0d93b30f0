namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>The sign-in form: an account and password, or a bearer token.</summary>
internal static class SignInPage
{
    public static string Render(PageContext context, string? returnUrl, string? error) =>
        Layout.Page("Sign in", context, html =>
        {
            html.Raw("<h1>Sign in</h1>");
            if (error is not null)
            {
                html.Raw("<p class=\"error\" id=\"signin-error\">").Text(error).Raw("</p>");
            }

            html.Raw("<form class=\"signin\" method=\"post\" action=\"/signin\">");
            context.HiddenToken(html);
            html.Raw("<input type=\"hidden\" name=\"returnUrl\"").Attr("value", returnUrl ?? "/").Raw(">")
                .Raw("<label>Account <input name=\"user\" autocomplete=\"username\"></label>")
                .Raw("<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\"></label>")
                .Raw("<p class=\"or\">or</p><label>Token <input name=\"token\" type=\"password\" autocomplete=\"off\"></label>")
                .Raw("<button type=\"submit\">Sign in</button></form>");
        });
}
