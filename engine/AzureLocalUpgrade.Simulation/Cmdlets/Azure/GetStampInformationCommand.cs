using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

/// <summary>
/// The deployed solution's versions. The command exists only in sessions on the nodes of a cluster where the
/// solution is deployed (<see cref="SolutionOnlyAttribute"/>); the error below is only reached if the solution is
/// removed while such a session is open.
/// </summary>
[Cmdlet(VerbsCommon.Get, "StampInformation")]
[SolutionOnly]
public sealed class GetStampInformationCommand : SimulatorCmdlet
{
    protected override void Execute() => WriteObject(OnCluster(s => s.Azure.SolutionDeployed
        ? new StampInformation("10.2411.0.24", "10.2411.0.24", "10.2311.2.7")
        : throw new SimulationException("StampInformationUnavailable", ErrorCategory.ObjectNotFound, $"No stamp information: the Azure Local solution is not deployed on cluster {s.ClusterName}.")));
}
