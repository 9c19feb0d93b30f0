using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

[Cmdlet(VerbsLifecycle.Stop, "ClusterGroup")]
public sealed class StopClusterGroupCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute() => WriteObject(OnCluster(s =>
    {
        CheckClusterName(s, Cluster);
        RequireClusterRunning(s);
        var group = s.FindGroup(Name) ?? throw NotFound("Cluster group", Name, s.Groups.Select(g => g.Name));
        // A failed group stays failed until its cause is removed; stopping a healthy one takes it offline.
        if (!ClusterGroupFailures.IsBroken(group))
        {
            group.State = ClusterGroupStatus.Offline;
        }

        return Projections.Group(s, group);
    }));
}
