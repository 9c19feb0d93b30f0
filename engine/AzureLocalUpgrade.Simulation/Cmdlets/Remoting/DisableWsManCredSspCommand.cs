using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Remoting;

[Cmdlet(VerbsLifecycle.Disable, "WSManCredSSP")]
public sealed class DisableWsManCredSspCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("Client", "Server")]
    public string Role { get; set; } = "";

    protected override void Execute() => CredSspSettings.Apply(this, Role, null, enable: false);
}
