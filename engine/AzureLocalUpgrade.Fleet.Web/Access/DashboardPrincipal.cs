using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AzureLocalUpgrade.Fleet.Web.Access;

/// <summary>The signed-in identity: the account or token name (what approvals record) and its role.</summary>
internal static class DashboardPrincipal
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string BearerScheme = "Bearer";
    public const string DefaultScheme = "alu";
    public const string OperatorRole = "operator";
    public const string ViewerRole = "viewer";

    public static ClaimsPrincipal Create(string name, DashboardRole role, string scheme)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, RoleName(role))],
            scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static string RoleName(DashboardRole role) => role == DashboardRole.Operator ? OperatorRole : ViewerRole;

    public static string? Name(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;

    public static DashboardRole? Role(ClaimsPrincipal user) =>
        Name(user) is null ? null : user.IsInRole(OperatorRole) ? DashboardRole.Operator : DashboardRole.Viewer;
}
