using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>
/// A Cloud Management group created failed (inventory cloudManagementGroup: failed) keeps failing while it still
/// has its resources; the documented fix removes them and starts the group again.
/// </summary>
internal static class ClusterGroupFailures
{
    public static bool IsBroken(ClusterGroupState group) =>
        group.State == ClusterGroupStatus.Failed && group.Resources.Count > 0 && !group.IsVirtualMachine;
}
