using System.Globalization;
using System.Text;
using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// A fleet run starts from the fleet plan (<see cref="FleetPlanner"/>): its stages with their limits, budgets, soaks
/// and gates, each cluster's chosen runbook (as a file), parameters, zone and windows, and the refused clusters
/// with their reasons. The fleet id is the fleet's name.
/// </summary>
internal static class FleetSeedBuilder
{
    /// <param name="timeScale">Virtual seconds per wall second for soaks (see <see cref="FleetRunSeed.TimeScale"/>).</param>
    public static FleetRunSeed FromPlan(FleetPlan plan, string fleetFile, string runbooksFolder, double timeScale)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fleetFolder = Path.GetDirectoryName(Path.GetFullPath(fleetFile))!;
        var library = new RunbookLibrary(runbooksFolder);
        var stages = plan.Stages.Select(s => new StageSeed(s.Name, s.MaxConcurrent, s.MaxConcurrentPerSite, s.AllowedFailures, s.Soak, s.ApprovalRequired, s.HealthCheckNoDegraded)).ToList();
        var clusters = new List<ClusterSeed>();
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            foreach (var cluster in plan.Stages[i].Clusters)
            {
                clusters.Add(new ClusterSeed(
                    cluster.Name,
                    cluster.Site,
                    i,
                    RunbookPath(cluster.Runbook, fleetFolder, library),
                    Path.GetFullPath(cluster.InventoryPath, fleetFolder),
                    cluster.TimeZone,
                    cluster.Windows,
                    cluster.Parameters,
                    null,
                    Summary(cluster),
                    cluster.Window.OpeningStart,
                    cluster.Window.End));
            }
        }

        foreach (var refused in plan.Refused)
        {
            clusters.Add(new ClusterSeed(
                refused.Name, refused.Site, -1, null, Path.GetFullPath(refused.InventoryPath, fleetFolder), "UTC", [], new Dictionary<string, string>(),
                string.Join("; ", refused.Reasons.Select(r => $"{r.Code}: {r.Message}")), null));
        }

        return new FleetRunSeed(plan.FleetName, plan.FleetName, Path.GetFullPath(fleetFile), timeScale, stages, clusters);
    }

    /// <summary>A runbook the fleet file names by path is relative to the fleet file; a shipped one is an id.</summary>
    private static string RunbookPath(string runbook, string fleetFolder, RunbookLibrary library)
    {
        var asFile = Path.GetFullPath(runbook, fleetFolder);
        return File.Exists(asFile) ? asFile : library.PathOfId(runbook);
    }

    /// <summary>The cluster's plan summary as the dashboard's cluster page shows it.</summary>
    private static string Summary(PlannedCluster cluster)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{cluster.Name} ({cluster.Nodes} nodes, site {cluster.Site}), stage {cluster.Stage}\n");
        text.Append(CultureInfo.InvariantCulture, $"runbook {cluster.Runbook} ({cluster.RunbookName} {cluster.RunbookVersion}, {cluster.Method}, {cluster.From} -> {cluster.To}), chosen by {cluster.ChosenBy}\n");
        text.Append(CultureInfo.InvariantCulture, $"{cluster.Steps} steps, estimate {cluster.Estimate}, inputs {cluster.InputsHash}\n");
        text.Append(CultureInfo.InvariantCulture, $"expected {cluster.Window.LocalStart} -> {cluster.Window.LocalEnd} ({cluster.TimeZone})");
        if (cluster.Windows.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", windows: {string.Join(", ", cluster.Windows)}");
        }

        text.Append('\n');
        foreach (var note in cluster.Notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"note: {note}\n");
        }

        return text.ToString();
    }
}
