using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>Reports of finished Updating Runs, oldest first; -Last only the latest.</summary>
[Cmdlet(VerbsCommon.Get, "CauReport")]
[OutputType("Microsoft.ClusterAwareUpdating.CauReport", "Microsoft.ClusterAwareUpdating.CauReportSummary")]
public sealed class GetCauReportCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    [Parameter]
    public SwitchParameter Last { get; set; }

    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void Execute()
    {
        var reports = OnCluster(s =>
        {
            CheckClusterName(s, ClusterName);
            var runs = Last ? s.Cau.History.TakeLast(1) : s.Cau.History;
            return runs.Select(r => Projections.Report(s, r, Simulation.NodeName ?? Environment.MachineName)).ToList();
        });
        WriteObject(reports, enumerateCollection: true);
    }
}
