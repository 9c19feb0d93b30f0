using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.HyperV;

[Cmdlet(VerbsCommon.Get, "VM")]
public sealed class GetVmCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    protected override void Execute()
    {
        var vms = OnCluster(s => Name is null
            ? VmLookup.Visible(s, Simulation).Select(g => Projections.Vm(s, g)).ToList()
            : Name.Select(n => Projections.Vm(s, VmLookup.Require(s, Simulation, n))).ToList());
        WriteObject(vms, enumerateCollection: true);
    }
}
