using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>
/// What Start-ClusterGroup and Stop-ClusterGroup share: their parameters, the checks that the cluster is this one
/// and running, and finding the group; each says only how the group's state changes.
/// </summary>
public abstract class ClusterGroupStateCommand : SimulatorCmdlet
{
    // Optional as in the reference, where -InputObject can name the group instead; the simulator models -Name only.
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected sealed override void Execute() => WriteObject(OnCluster(s =>
    {
        CheckClusterName(s, Cluster);
        RequireClusterRunning(s);
        var name = Name ?? throw new SimulationException(
            "GroupNameRequired", ErrorCategory.InvalidArgument, $"{MyInvocation.MyCommand.Name} in the simulator needs -Name.");
        var group = s.FindGroup(name) ?? throw NotFound("Cluster group", name, s.Groups.Select(g => g.Name));
        Change(s, group);
        return Projections.Group(s, group);
    }));

    /// <summary>Changes the group's state (and owner) in the simulated cluster.</summary>
    private protected abstract void Change(SimulationState state, ClusterGroupState group);
}
