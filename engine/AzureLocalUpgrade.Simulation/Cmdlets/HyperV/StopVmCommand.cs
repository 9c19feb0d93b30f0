using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.HyperV;

[Cmdlet(VerbsLifecycle.Stop, "VM")]
public sealed class StopVmCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
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
