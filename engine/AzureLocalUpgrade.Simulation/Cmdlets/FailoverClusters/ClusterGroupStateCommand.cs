using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>
/// What Start-ClusterGroup and Stop-ClusterGroup share: their parameters, the checks that the cluster is this one
/// and running, and finding the group; each says only how the group's state changes.
/// </summary>
public abstract class ClusterGroupStateCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected sealed override void Execute() => WriteObject(OnCluster(s =>
    {
        CheckClusterName(s, Cluster);
        RequireClusterRunning(s);
        var group = s.FindGroup(Name) ?? throw NotFound("Cluster group", Name, s.Groups.Select(g => g.Name));
        Change(s, group);
        return Projections.Group(s, group);
    }));

    /// <summary>Changes the group's state (and owner) in the simulated cluster.</summary>
    private protected abstract void Change(SimulationState state, ClusterGroupState group);
}
