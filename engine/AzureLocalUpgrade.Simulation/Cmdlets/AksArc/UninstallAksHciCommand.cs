using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.AksArc;

/// <summary>Removes AKS Arc (its cloud agent role). Needs the AksHci module.</summary>
[Cmdlet(VerbsLifecycle.Uninstall, "AksHci")]
public sealed class UninstallAksHciCommand : SimulatorCmdlet
{
    [Parameter]
    public SwitchParameter SkipConfigCleanup { get; set; }

    protected override void Execute() => OnCluster(s =>
    {
        if (!s.AksArc.ModuleInstalled)
        {
            throw new SimulationException("AksHciModuleMissing", ErrorCategory.ObjectNotFound, "Uninstall-AksHci needs the AksHci module, which is not installed.");
        }

        s.AksArc.Installed = false;
        s.Groups.RemoveAll(g => g.AksArc);
    });
}
