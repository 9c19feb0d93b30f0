using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

/// <summary>Pauses a node; with -Drain moves its roles to other Up nodes; with -Wait waits for the drain (virtual time).</summary>
[Cmdlet(VerbsLifecycle.Suspend, "ClusterNode")]
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
        var (outcome, node) = OnCluster(s =>
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

            if (Wait && node.DrainStatus == NodeDrainStatus.InProgress && node.DrainCompletesAt is { } done)
            {
                Evolution.AdvanceTo(s, done);
            }

            return (outcome, Projections.Node(s, node));
        });

        WriteObject(node);
        if (!outcome.Succeeded)
        {
            WriteError(new ErrorRecord(new InvalidOperationException(outcome.FailureMessage), "DrainFailed", ErrorCategory.ResourceUnavailable, node));
        }
    }
}
