using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

[Cmdlet(VerbsCommon.Get, "ClusterGroup")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterGroup")]
public sealed class GetClusterGroupCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute()
    {
        var groups = QueryCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            return Name is null
                ? s.Groups.Select(g => Projections.Group(s, g)).ToList()
                : Name.Select(n => Projections.Group(s, s.FindGroup(n) ?? throw NotFound("Cluster group", n, s.Groups.Select(g => g.Name)))).ToList();
        });
        WriteObject(groups, enumerateCollection: true);
    }
}
