using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Brings a paused node back; -Failback Immediate (or Policy) moves its preferred roles back to it.</summary>
[Cmdlet(VerbsLifecycle.Resume, "ClusterNode")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterNode")]
public sealed class ResumeClusterNodeCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    [Parameter(Position = 1)]
    [ValidateSet("Immediate", "NoFailback", "Policy")]
    public string Failback { get; set; } = "NoFailback";

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute()
    {
        var (name, failback) = OnCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            var node = NodeOperations.RequireNode(s, Name ?? Simulation.NodeName ?? throw new SimulationException(
                "NodeNameRequired", ErrorCategory.InvalidArgument, "Resume-ClusterNode on the orchestrator needs -Name."));
            return (node.Name, NodeOperations.Resume(s, node, Failback));
        });

        // Moving the roles back takes its time while other sessions go on; the node is shown as it is then.
        Pass(failback);
        WriteObject(QueryCluster(s => Projections.Node(s, NodeOperations.RequireNode(s, name))));
    }
}
