using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.AksArc;

/// <summary>Removes the MOC VMs an AKS Arc preview install left behind.</summary>
[Cmdlet(VerbsLifecycle.Uninstall, "Moc")]
public sealed class UninstallMocCommand : SimulatorCmdlet
{
    protected override void Execute() => OnCluster(s =>
    {
        s.Groups.RemoveAll(g => g.MocPreview);
        s.AksArc.Preview = false;
    });
}
