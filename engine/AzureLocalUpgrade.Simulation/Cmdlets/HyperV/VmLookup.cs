using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Sessions;

namespace AzureLocalUpgrade.Simulation.Cmdlets.HyperV;

/// <summary>
/// VMs a session sees: on a node, those it hosts; on the orchestrator, every VM role in the cluster; with
/// -ComputerName, those the named hosts run (each host must be reachable, as Hyper-V asks it over the network).
/// </summary>
internal static class VmLookup
{
    public static IEnumerable<ClusterGroupState> Visible(SimulationState s, SimulationContext context) =>
        s.Groups.Where(g => g.IsVirtualMachine && (context.NodeName is null || string.Equals(g.OwnerNode, context.NodeName, StringComparison.OrdinalIgnoreCase)));

    public static IEnumerable<ClusterGroupState> OnHosts(SimulationState s, SimulationContext context, IEnumerable<string> computerNames) =>
        computerNames.SelectMany(computer =>
        {
            Remoting.SecondHop.Check(s, context.NodeName, computer, "Get-VM");
            var host = RequireHost(s, computer);
            return s.Groups.Where(g => g.IsVirtualMachine && NodeOperations.Owns(g, host));
        });

    public static ClusterGroupState Require(IEnumerable<ClusterGroupState> visible, string name, string where) =>
        visible.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SimulationException(
            "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM",
            ErrorCategory.InvalidArgument,
            $"Hyper-V was unable to find a virtual machine with name \"{name}\" on {where}.");

    public static ClusterGroupState Require(SimulationState s, SimulationContext context, string name) =>
        Require(Visible(s, context), name, context.NodeName ?? "the cluster");

    /// <summary>A cluster node that answers: Hyper-V cmdlets reach a host with -ComputerName only while it runs.</summary>
    public static NodeState RequireHost(SimulationState s, string computerName)
    {
        var host = NodeOperations.RequireNode(s, ShortName(computerName));
        if (!host.MachineOnline)
        {
            throw new SimulationException(
                "Unspecified,Microsoft.HyperV.PowerShell.Commands.GetVMHost",
                ErrorCategory.ConnectionError,
                $"Hyper-V was unable to connect to computer '{computerName}': it is not running (restarting or off).");
        }

        return host;
    }

    /// <summary>hci01-n1.contoso.com and hci01-n1 are the same host.</summary>
    private static string ShortName(string computerName) => computerName.Split('.')[0];
}
