using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Brings a group online. A group whose resources are broken (Cloud Management "failed") fails to start.</summary>
[Cmdlet(VerbsLifecycle.Start, "ClusterGroup")]
public sealed class StartClusterGroupCommand : SimulatorCmdlet
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
        if (group.OwnerNode is null || s.FindNode(group.OwnerNode) is not { InCluster: true })
        {
            group.OwnerNode = s.Nodes.Find(n => n.State == ClusterNodeState.Up)?.Name
                ?? throw new SimulationException("NoNodeForGroup", ErrorCategory.ResourceUnavailable, $"Cannot start group {Name}: no node is Up.");
        }

        group.State = ClusterGroupFailures.IsBroken(group) ? ClusterGroupStatus.Failed : ClusterGroupStatus.Online;
        return Projections.Group(s, group);
    }));
}
