using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Web.Access;

namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>Who is looking, and the anti-forgery token every form on the page carries.</summary>
/// <param name="AccessConfigured">False when the dashboard runs without --auth: read-only for everyone.</param>
internal sealed record PageContext(string? UserName, DashboardRole? Role, bool AccessConfigured, string? FormFieldName, string? RequestToken)
{
    public bool CanApprove => Role == DashboardRole.Operator;

    public void HiddenToken(Html html)
    {
        if (FormFieldName is not null && RequestToken is not null)
        {
            html.Raw("<input type=\"hidden\"").Attr("name", FormFieldName).Attr("value", RequestToken).Raw(">");
        }
    }
}
