using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Takes a healthy group offline.</summary>
[Cmdlet(VerbsLifecycle.Stop, "ClusterGroup")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterGroup")]
public sealed class StopClusterGroupCommand : ClusterGroupStateCommand
{
    private protected override void Change(SimulationState state, ClusterGroupState group)
    {
        // A failed group stays failed until its cause is removed; stopping a healthy one takes it offline.
        if (!ClusterGroupFailures.IsBroken(group))
        {
            group.State = ClusterGroupStatus.Offline;
        }
    }
}
