using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests;

/// <summary>What a fleet's event log says about concurrency: how many cluster executions overlapped.</summary>
internal static class FleetEventChecks
{
    /// <summary>The most cluster executions in flight at once within any one bucket (e.g. a site).</summary>
    public static int MostRunningAtOnce(IEnumerable<FleetEvent> events, Func<string, string> bucketOf)
    {
        var running = new Dictionary<string, int>(StringComparer.Ordinal);
        var most = 0;
        foreach (var e in events.Where(e => e.Cluster is not null).OrderBy(e => e.Sequence))
        {
            var bucket = bucketOf(e.Cluster!);
            if (e.Kind == FleetEventKinds.ClusterStarted)
            {
                running[bucket] = running.GetValueOrDefault(bucket) + 1;
                most = Math.Max(most, running[bucket]);
            }
            else if (e.Kind is FleetEventKinds.ClusterSucceeded or FleetEventKinds.ClusterFailed or FleetEventKinds.ClusterPaused or FleetEventKinds.ClusterWaitingForWindow)
            {
                running[bucket] = running.GetValueOrDefault(bucket) - 1;
            }
        }

        return most;
    }
}
