using AzureLocalUpgrade.Fleet.Web.Access;

namespace AzureLocalUpgrade.Fleet.Web.Hosting;

/// <summary>How `alu fleet serve` runs the dashboard.</summary>
/// <param name="Urls">Kestrel addresses separated by ';' (port 0 picks a free port).</param>
/// <param name="Access">The accounts and tokens from --auth; null: read-only, nobody can sign in.</param>
internal sealed record DashboardOptions(string Urls, DashboardAccess? Access)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
}
