using System.Globalization;
using System.Net;
using System.Text;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// What simulated cluster validation finds, and the report it writes. Test-Cluster.md: "Test results are captured in
/// a file"; the upgrade documents: "If any of the condition checks fail, resolve them before proceeding". The test
/// names and the report's layout are the simulator's own (the reference does not describe the report's content);
/// each test's result is one of Success, Warning or Failed.
/// </summary>
internal static class ClusterValidation
{
    public const string ReportFolder = @"C:\Windows\Cluster\Reports";

    public sealed record TestOutcome(string Test, string Result, string Detail);

    public static IReadOnlyList<TestOutcome> Run(SimulationState s, IReadOnlyList<NodeState> nodes)
    {
        var outcomes = new List<TestOutcome>();
        var down = nodes.Where(n => n.State == ClusterNodeState.Down).Select(n => n.Name).ToList();
        var paused = nodes.Where(n => n.State == ClusterNodeState.Paused).Select(n => n.Name).ToList();
        outcomes.Add(down.Count > 0
            ? new("Validate Cluster Node Status", "Failed", $"Down and not validated: {string.Join(", ", down)}.")
            : paused.Count > 0
                ? new("Validate Cluster Node Status", "Warning", $"Paused: {string.Join(", ", paused)}.")
                : new("Validate Cluster Node Status", "Success", "Every node is Up."));
        var offline = s.Storage.VirtualDisks.Where(d => !StorageOperations.VolumeOnline(s, d)).Select(d => d.FriendlyName).ToList();
        outcomes.Add(offline.Count > 0
            ? new("Validate Storage Spaces Direct Virtual Disks", "Failed", $"Offline: {string.Join(", ", offline)}.")
            : StorageOperations.RepairRunning(s)
                ? new("Validate Storage Spaces Direct Virtual Disks", "Warning", "Storage repair jobs are running.")
                : new("Validate Storage Spaces Direct Virtual Disks", "Success", "Every virtual disk is online."));
        outcomes.Add(s.Nodes.Select(n => n.BuildMajor).Distinct().Count() > 1
            ? new("Validate Operating System Versions", "Warning", "Nodes run different OS versions (a rolling upgrade is in progress).")
            : new("Validate Operating System Versions", "Success", "Every node runs the same OS version."));
        outcomes.AddRange(s.ActiveFaults(FaultKind.ValidationFails).Select(f =>
            new TestOutcome(f.Title ?? "Validate Network Communication", "Failed", "The test reported errors (fault scenario validationFails).")));
        return outcomes;
    }

    /// <summary>The report's path: -ReportName (".htm" added when missing), else a timestamped name in <see cref="ReportFolder"/>.</summary>
    public static string ReportPath(string? reportName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reportName))
        {
            return $@"{ReportFolder}\Validation Report {now.ToString("yyyy.MM.dd 'At' HH.mm.ss", CultureInfo.InvariantCulture)}.htm";
        }

        var path = FilePaths.Normalize(reportName);
        return path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ? path : path + ".htm";
    }

    public static string Render(string clusterName, IReadOnlyList<NodeState> nodes, IReadOnlyList<TestOutcome> outcomes, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append("<html><head><title>Failover Cluster Validation Report</title></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Failover Cluster Validation Report</h1>\n<p>Cluster: {WebUtility.HtmlEncode(clusterName)}; nodes: {WebUtility.HtmlEncode(string.Join(", ", nodes.Select(n => n.Name)))}; started {now:u}</p>\n");
        html.Append("<table>\n<tr><th>Name</th><th>Result</th><th>Description</th></tr>\n");
        foreach (var o in outcomes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(o.Test)}</td><td>{o.Result}</td><td>{WebUtility.HtmlEncode(o.Detail)}</td></tr>\n");
        }

        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }
}
