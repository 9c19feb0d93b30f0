using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.HyperV;

[Cmdlet(VerbsLifecycle.Stop, "VM")]
[OutputType("Microsoft.HyperV.PowerShell.VirtualMachine")]
public sealed class StopVmCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VMName")]
    public string[] Name { get; set; } = [];

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter TurnOff { get; set; }

    protected override void Execute() => OnCluster(s =>
    {
        foreach (var name in Name)
        {
            VmLookup.Require(s, Simulation, name).State = ClusterGroupStatus.Offline;
        }
    });
}
