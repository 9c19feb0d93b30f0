using System.Globalization;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Running.Progress;

namespace AzureLocalUpgrade.Fleet.Status;

/// <summary>
/// How a cluster's progress, next window and ETA read for a person, the same in <c>alu fleet status</c> and on the
/// dashboard: "3/16 nodes done, node07 updating, steps 140/512".
/// </summary>
internal static class ProgressWords
{
    /// <summary>Nodes busy now that a summary names before it says "and N more".</summary>
    private const int BusyNamed = 3;

    /// <summary>The compact summary of a cluster with node progress; "" when it has none yet.</summary>
    public static string Summary(ClusterRunStatus cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Nodes.Count == 0)
        {
            return "";
        }

        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{cluster.Nodes.Count(n => n.State == NodePhase.Done)}/{cluster.Nodes.Count} nodes done") };
        var busy = cluster.Nodes.Where(n => n.State is not (NodePhase.Done or NodePhase.Waiting)).ToList();
        parts.AddRange(busy.Take(BusyNamed).Select(n => $"{n.Node} {n.State}"));
        if (busy.Count > BusyNamed)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{busy.Count - BusyNamed} more busy"));
        }

        if (cluster.StepsTotal > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"steps {cluster.StepsDone}/{cluster.StepsTotal}"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>The ETA, marked when it is on the simulator's virtual clock; "–" when there is none.</summary>
    public static string Eta(ClusterRunStatus cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Eta is null ? "–" : FleetWords.Time(cluster.Eta) + (cluster.EtaIsVirtualTime ? " (simulator time)" : "");
    }

    /// <summary>The next window in UTC, and in the cluster's own zone when that is another: "2026-12-12 21:00 UTC (Sat 22:00 Europe/Berlin)".</summary>
    public static string NextWindow(ClusterRunStatus cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.NextWindow is not { } at)
        {
            return "–";
        }

        var utc = FleetWords.Time(at);
        if (cluster.TimeZone is not { } id || !TimeZoneResolver.TryFind(id, out var zone, out _) || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime))
        {
            return utc;
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        return utc + string.Create(CultureInfo.InvariantCulture, $" ({local:ddd HH:mm} {id})");
    }
}
