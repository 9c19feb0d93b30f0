using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>
/// Starts the cluster service on every running node where it is not Disabled; blocks until it is up (virtual time).
/// Start-Cluster.md (winserver2022-ps), example 2: once every node is stopped the cluster name resolves to nothing,
/// so the cluster is started by naming one of its nodes (or, with no -Name, from a node's own session); the cluster
/// name works only while the cluster runs.
/// </summary>
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

    protected override void Execute()
    {
        Pass(OnCluster(s =>
        {
            var namedNode = Name is null ? null : s.FindNode(Name.Split('.')[0]);
            if (!s.ClusterRunning && namedNode is null && (Name is not null || Simulation.NodeName is null))
            {
                throw new SimulationException(
                    "NodeNameRequired",
                    ErrorCategory.ObjectNotFound,
                    $"Cannot start cluster '{Name ?? "(local)"}': the cluster service is stopped on every node, so the cluster name does not resolve. Give a node name: Start-Cluster -Name <node name>.");
            }

            if (Name is not null && namedNode is null)
            {
                CheckClusterName(s, Name);
            }

            return ClusterLifecycle.Start(s);
        }));
        WriteObject(QueryCluster(Projections.Cluster));
    }
}
