using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>
/// Cluster validation (docset/winserver2022-ps/FailoverClusters/Test-Cluster.md): the results are captured in a
/// report file, and the cmdlet's output is that file (System.IO.FileInfo), not a verdict. A failed test shows only
/// in the report, so a gate must read it. The report is written to the node the session runs on.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "Cluster")]
[OutputType("System.IO.FileInfo")]
public sealed class TestClusterCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Node { get; set; }

    [Parameter]
    public string[]? Include { get; set; }

    [Parameter]
    public string[]? Ignore { get; set; }

    [Parameter]
    public string? ReportName { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute()
    {
        var report = OnLocalNode((s, local) =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            var nodes = Node is null ? s.Nodes : [.. Node.Select(n => NodeOperations.RequireNode(s, n))];
            var outcomes = ClusterValidation.Run(s, nodes);
            var path = ClusterValidation.ReportPath(ReportName, s.Now);
            var content = ClusterValidation.Render(s.ClusterName, nodes, outcomes, s.Now);
            FileOperations.WriteText(local, path, content);
            var name = path[(path.LastIndexOf('\\') + 1)..];
            return new ValidationReportFile(path, name, path[..path.LastIndexOf('\\')], ".htm", content.Length);
        });
        Pass(SimulationTimings.ClusterValidation);
        WriteObject(report);
    }
}
