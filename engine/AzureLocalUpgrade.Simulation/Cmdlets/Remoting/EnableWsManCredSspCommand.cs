using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Remoting;

/// <summary>Server role: this node accepts delegated credentials. Client role: this machine delegates to -DelegateComputer.</summary>
[Cmdlet(VerbsLifecycle.Enable, "WSManCredSSP")]
[OutputType("System.Xml.XmlElement")]
public sealed class EnableWsManCredSspCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("Client", "Server")]
    public string Role { get; set; } = "";

    [Parameter(Position = 1)]
    public string[]? DelegateComputer { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute() => CredSspSettings.Apply(this, Role, DelegateComputer, enable: true);
}
