using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Stops the cluster service on every node: all roles stop, the storage pool goes offline.</summary>
[Cmdlet(VerbsLifecycle.Stop, "Cluster")]
public sealed class StopClusterCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    [Alias("Name")]
    public string? Cluster { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public int Wait { get; set; }

    protected override void Execute() => Pass(OnCluster(s =>
    {
        CheckClusterName(s, Cluster);
        RequireClusterRunning(s);
        return ClusterLifecycle.Stop(s);
    }));
}
