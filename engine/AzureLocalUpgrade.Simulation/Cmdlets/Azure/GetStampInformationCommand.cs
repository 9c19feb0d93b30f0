using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

/// <summary>Answers only when the Azure Local solution is deployed; otherwise an error (use -ErrorAction SilentlyContinue).</summary>
[Cmdlet(VerbsCommon.Get, "StampInformation")]
public sealed class GetStampInformationCommand : SimulatorCmdlet
{
    protected override void Execute() => WriteObject(OnCluster(s => s.Azure.SolutionDeployed
        ? new StampInformation("10.2411.0.24", "10.2411.0.24", "10.2311.2.7")
        : throw new SimulationException("StampInformationUnavailable", ErrorCategory.ObjectNotFound, $"No stamp information: the Azure Local solution is not deployed on cluster {s.ClusterName}.")));
}
