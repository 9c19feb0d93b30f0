using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Sessions;

namespace AzureLocalUpgrade.Simulation.Cmdlets.HyperV;

/// <summary>VMs a session sees: on a node, those it hosts; on the orchestrator, every VM role in the cluster.</summary>
internal static class VmLookup
{
    public static IEnumerable<ClusterGroupState> Visible(SimulationState s, SimulationContext context) =>
        s.Groups.Where(g => g.IsVirtualMachine && (context.NodeName is null || string.Equals(g.OwnerNode, context.NodeName, StringComparison.OrdinalIgnoreCase)));

    public static ClusterGroupState Require(SimulationState s, SimulationContext context, string name) =>
        Visible(s, context).FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SimulationException(
            "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM",
            ErrorCategory.InvalidArgument,
            $"Hyper-V was unable to find a virtual machine with name \"{name}\" on {context.NodeName ?? "the cluster"}.");
}
