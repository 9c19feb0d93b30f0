using Quartz;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// Names in Quartz's store. Job group = fleet id, so one store holds several fleets; a cluster's job is named after
/// the cluster, which is what makes <see cref="DisallowConcurrentExecutionAttribute"/> mean "one execution per cluster".
/// </summary>
internal static class FleetJobKeys
{
    public const string FleetKey = "fleet";
    public const string ClusterKey = "cluster";

    public static JobKey Advance(string fleetId) => new("advance", fleetId);

    public static JobKey Cluster(string fleetId, string cluster) => new("cluster:" + cluster, fleetId);

    public static TriggerKey Heartbeat(string fleetId) => new("heartbeat", fleetId);
}
