using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.HyperV;

/// <summary>
/// Get-VMHost [[-ComputerName] &lt;string[]&gt;]: the Hyper-V host (this node, or the named ones) with its memory.
/// The orchestrator is not a Hyper-V host, so there -ComputerName is required.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VMHost")]
[OutputType("Microsoft.HyperV.PowerShell.VMHost")]
public sealed class GetVmHostCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string[]? ComputerName { get; set; }

    protected override void Execute()
    {
        var hosts = QueryCluster(s =>
        {
            var names = ComputerName ?? [Simulation.NodeName ?? throw new SimulationException(
                "HyperVNotInstalled,Microsoft.HyperV.PowerShell.Commands.GetVMHost",
                ErrorCategory.NotInstalled,
                "Get-VMHost: the orchestrator is not a Hyper-V host. Name a cluster node with -ComputerName.")];
            return names.Select(name =>
            {
                Remoting.SecondHop.Check(s, Simulation.NodeName, name, CommandName);
                var host = VmLookup.RequireHost(s, name);
                return new VmHostInfo(host.Name, host.Name, HostMemory.CapacityBytes(s));
            }).ToList();
        });
        WriteObject(hosts, enumerateCollection: true);
    }
}
