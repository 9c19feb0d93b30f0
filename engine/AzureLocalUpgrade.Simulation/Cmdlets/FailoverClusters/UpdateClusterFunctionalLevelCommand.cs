using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Raises the cluster functional level (permanent). -WhatIf checks that it would succeed without changing anything.</summary>
[Cmdlet(VerbsData.Update, "ClusterFunctionalLevel", SupportsShouldProcess = true)]
[OutputType("Microsoft.FailoverClusters.PowerShell.Cluster")]
public sealed class UpdateClusterFunctionalLevelCommand : SimulatorCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute() => WriteObject(OnCluster(s =>
    {
        CheckClusterName(s, Cluster);
        RequireClusterRunning(s);
        ClusterLifecycle.UpdateFunctionalLevel(s, apply: false);
        if (ShouldProcess(s.ClusterName, "Update cluster functional level"))
        {
            ClusterLifecycle.UpdateFunctionalLevel(s, apply: true);
        }

        return Projections.Cluster(s);
    }));
}
