using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Starts the cluster service on every running node where it is not Disabled; blocks until it is up (virtual time).</summary>
[Cmdlet(VerbsLifecycle.Start, "Cluster")]
[OutputType("Microsoft.FailoverClusters.PowerShell.Cluster")]
public sealed class StartClusterCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    [Alias("Cluster")]
    public string? Name { get; set; }

    [Parameter]
    [Alias("ips")]
    public SwitchParameter IgnorePersistentState { get; set; }

    [Parameter]
    public int Wait { get; set; }

    protected override void Execute() => WriteObject(OnCluster(s =>
    {
        // -Name may be the cluster or (when every node is stopped) a node to start from.
        if (Name is not null && s.FindNode(Name) is null)
        {
            CheckClusterName(s, Name);
        }

        ClusterLifecycle.Start(s);
        return Projections.Cluster(s);
    }));
}
