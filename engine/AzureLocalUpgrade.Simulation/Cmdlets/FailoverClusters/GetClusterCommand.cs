using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

[Cmdlet(VerbsCommon.Get, "Cluster")]
[OutputType("Microsoft.FailoverClusters.PowerShell.Cluster")]
public sealed class GetClusterCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    protected override void Execute() => WriteObject(OnCluster(s =>
    {
        CheckClusterName(s, Name);
        RequireClusterRunning(s);
        return Projections.Cluster(s);
    }));
}
