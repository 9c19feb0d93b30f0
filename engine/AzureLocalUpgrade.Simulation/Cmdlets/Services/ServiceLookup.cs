using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Services;

internal static class ServiceLookup
{
    public static ServiceState Require(NodeState node, string name) =>
        node.FindService(name) ?? throw new SimulationException(
            "NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand",
            ErrorCategory.ObjectNotFound,
            $"Cannot find any service with service name '{name}' on {node.Name}.");
}
