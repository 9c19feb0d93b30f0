namespace AzureLocalUpgrade.Fleet.Web.Pages;

/// <summary>The dashboard's URLs, with every name escaped as one path segment.</summary>
internal static class Links
{
    public static string Fleet(string fleetId) => $"/fleets/{Uri.EscapeDataString(fleetId)}";

    public static string FleetLive(string fleetId) => $"{Fleet(fleetId)}/live";

    public static string Cluster(string fleetId, string cluster) => $"{Fleet(fleetId)}/clusters/{Uri.EscapeDataString(cluster)}";

    public static string ClusterLive(string fleetId, string cluster) => $"{Cluster(fleetId, cluster)}/live";

    public static string Approve(string fleetId, string stage) => $"{Fleet(fleetId)}/stages/{Uri.EscapeDataString(stage)}/approve";

    public static string Report(string fleetId, string extension) => $"{Fleet(fleetId)}/report.{extension}";
}
