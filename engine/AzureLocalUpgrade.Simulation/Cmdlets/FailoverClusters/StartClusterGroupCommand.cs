using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Brings a group online. A group whose resources are broken (Cloud Management "failed") fails to start.</summary>
[Cmdlet(VerbsLifecycle.Start, "ClusterGroup")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterGroup")]
public sealed class StartClusterGroupCommand : ClusterGroupStateCommand
{
    private protected override void Change(SimulationState state, ClusterGroupState group)
    {
        if (group.OwnerNode is null || state.FindNode(group.OwnerNode) is not { InCluster: true })
        {
            group.OwnerNode = state.Nodes.Find(n => n.State == ClusterNodeState.Up)?.Name
                ?? throw new SimulationException("NoNodeForGroup", ErrorCategory.ResourceUnavailable, $"Cannot start group {Name}: no node is Up.");
        }

        group.State = ClusterGroupFailures.IsBroken(group) ? ClusterGroupStatus.Failed : ClusterGroupStatus.Online;
    }
}
