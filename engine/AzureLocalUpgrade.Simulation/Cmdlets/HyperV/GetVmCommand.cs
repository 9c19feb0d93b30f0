using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.HyperV;

/// <summary>Get-VM [[-Name] &lt;string[]&gt;] [-ComputerName &lt;string[]&gt;]: the session's VMs, or those of the named hosts.</summary>
[Cmdlet(VerbsCommon.Get, "VM")]
[OutputType("Microsoft.HyperV.PowerShell.VirtualMachine")]
public sealed class GetVmCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    [Alias("VMName")]
    public string[]? Name { get; set; }

    [Parameter]
    public string[]? ComputerName { get; set; }

    protected override void Execute()
    {
        var vms = QueryCluster(s =>
        {
            var visible = (ComputerName is null ? VmLookup.Visible(s, Simulation) : VmLookup.OnHosts(s, Simulation, ComputerName)).ToList();
            var where = ComputerName is null ? Simulation.NodeName ?? "the cluster" : string.Join(", ", ComputerName);
            return Name is null
                ? visible.Select(g => Projections.Vm(s, g)).ToList()
                : Name.Select(n => Projections.Vm(s, VmLookup.Require(visible, n, where))).ToList();
        });
        WriteObject(vms, enumerateCollection: true);
    }
}
