using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Pauses a node; with -Drain moves its roles to other Up nodes; with -Wait waits for the drain (virtual time).</summary>
[Cmdlet(VerbsLifecycle.Suspend, "ClusterNode")]
[OutputType("Microsoft.FailoverClusters.PowerShell.ClusterNode")]
public sealed class SuspendClusterNodeCommand : SimulatorCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    [Parameter]
    public SwitchParameter Drain { get; set; }

    [Parameter]
    public SwitchParameter ForceDrain { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    public string? Cluster { get; set; }

    protected override void Execute()
    {
        var (outcome, node, drained) = OnCluster(s =>
        {
            CheckClusterName(s, Cluster);
            RequireClusterRunning(s);
            var node = NodeOperations.RequireNode(s, Name ?? Simulation.NodeName ?? throw new SimulationException(
                "NodeNameRequired", ErrorCategory.InvalidArgument, "Suspend-ClusterNode on the orchestrator needs -Name."));
            DrainOutcome outcome;
            if (Drain || ForceDrain)
            {
                outcome = NodeOperations.Drain(s, node, ForceDrain);
            }
            else
            {
                NodeOperations.Pause(node);
                outcome = DrainOutcome.Success;
            }

            var drained = Wait && node.DrainStatus == NodeDrainStatus.InProgress ? node.DrainCompletesAt : null;
            return (outcome, Projections.Node(s, node), drained);
        });
        if (drained is { } done)
        {
            // -Wait: the roles move away in virtual time while other sessions go on; the node is shown as it is then.
            WaitUntil(done);
            node = QueryCluster(s => Projections.Node(s, NodeOperations.RequireNode(s, node.Name)));
        }

        WriteObject(node);
        if (!outcome.Succeeded)
        {
            WriteError(new ErrorRecord(new InvalidOperationException(outcome.FailureMessage), "DrainFailed", ErrorCategory.ResourceUnavailable, node));
        }
    }
}
