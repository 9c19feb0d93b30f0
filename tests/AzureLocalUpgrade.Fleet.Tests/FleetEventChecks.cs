using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Tests;

/// <summary>What a fleet's event log says about concurrency: how many cluster executions overlapped.</summary>
internal static class FleetEventChecks
{
    /// <summary>
    /// The most cluster executions in flight at once within any one bucket (e.g. a site). A simulated cluster's wait
    /// for its window that continues at once in the same execution does not end it.
    /// </summary>
    public static int MostRunningAtOnce(IEnumerable<FleetEvent> events, Func<string, string> bucketOf)
    {
        var running = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var most = 0;
        foreach (var e in events.Where(e => e.Cluster is not null).OrderBy(e => e.Sequence))
        {
            var bucket = bucketOf(e.Cluster!);
            if (!running.TryGetValue(bucket, out var clusters))
            {
                running[bucket] = clusters = new HashSet<string>(StringComparer.Ordinal);
            }

            if (e.Kind == FleetEventKinds.ClusterStarted)
            {
                clusters.Add(e.Cluster!);
                most = Math.Max(most, clusters.Count);
            }
            else if (e.Kind is FleetEventKinds.ClusterSucceeded or FleetEventKinds.ClusterFailed or FleetEventKinds.ClusterPaused
                     || (e.Kind == FleetEventKinds.ClusterWaitingForWindow && !e.Message.Contains("continues at once", StringComparison.Ordinal)))
            {
                clusters.Remove(e.Cluster!);
            }
        }

        return most;
    }
}
