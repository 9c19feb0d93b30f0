using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Computer;

[Cmdlet(VerbsLifecycle.Confirm, "SecureBootUEFI")]
[OutputType("System.Boolean")]
public sealed class ConfirmSecureBootUefiCommand : SimulatorCmdlet
{
    protected override void Execute() => WriteObject(OnLocalNode((s, node) => node.SecureBoot));
}
