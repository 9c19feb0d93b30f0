using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

[Cmdlet(VerbsCommon.Get, "CauClusterRole")]
[OutputType("Microsoft.ClusterAwareUpdating.CauParameter")]
public sealed class GetCauClusterRoleCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    protected override void Execute() => WriteObject(OnCluster(s =>
    {
        CheckClusterName(s, ClusterName);
        return s.Cau.RoleInstalled
            ? new CauClusterRoleInfo(s.ClusterName, $"{s.ClusterName}-CAU", "Online")
            : throw new SimulationException("CauRoleNotFound", ErrorCategory.ObjectNotFound, $"The Cluster-Aware Updating clustered role was not found on cluster {s.ClusterName}. Add it with Add-CauClusterRole.");
    }));
}
