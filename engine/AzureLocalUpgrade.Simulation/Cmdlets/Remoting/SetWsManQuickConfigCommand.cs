using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Remoting;

[Cmdlet(VerbsCommon.Set, "WSManQuickConfig")]
[OutputType("System.String")]
public sealed class SetWsManQuickConfigCommand : SimulatorCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter SkipNetworkProfileCheck { get; set; }

    protected override void Execute() => OnLocalNode((s, node) => node.FindService("WinRM")!.Status = Model.ServiceStatus.Running);
}
