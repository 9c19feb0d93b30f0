using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Remoting;

/// <summary>Enables PowerShell remoting on this node (CAU needs it on every node).</summary>
[Cmdlet(VerbsLifecycle.Enable, "PSRemoting")]
[OutputType("System.String")]
public sealed class EnablePsRemotingCommand : SimulatorCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter SkipNetworkProfileCheck { get; set; }

    protected override void Execute() => OnLocalNode((s, node) => node.RemotingConfigured = true);
}
