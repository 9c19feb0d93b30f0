using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Services;

/// <summary>Starts a service; starting clussvc brings the node back into the cluster.</summary>
[Cmdlet(VerbsLifecycle.Start, "Service")]
[OutputType("System.ServiceProcess.ServiceController")]
public sealed class StartServiceCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("ServiceName")]
    public string Name { get; set; } = "";

    protected override void Execute() => OnLocalNode((s, node) =>
    {
        var service = ServiceLookup.Require(node, Name);
        if (service.StartType == ServiceStartType.Disabled)
        {
            throw new SimulationException(
                "CouldNotStartService,Microsoft.PowerShell.Commands.StartServiceCommand",
                ErrorCategory.OpenError,
                $"Service '{service.DisplayName} ({service.Name})' cannot be started because it is disabled.");
        }

        var wasInCluster = node.InCluster;
        service.Status = ServiceStatus.Running;
        if (!wasInCluster && node.InCluster)
        {
            NodeOperations.JoinCluster(s, node);
        }
    });
}
