using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.AksArc;

/// <summary>
/// Uninstalls the named PowerShellGet modules (the simulator tracks the AKS-HCI ones). A module is removed only when
/// named: uninstalling AksHci leaves Moc, Kva, DownloadSDK and TraceProvider installed, which is why the upgrade
/// documents point to a helper script that deletes the old AKS-HCI modules.
/// </summary>
[Cmdlet(VerbsLifecycle.Uninstall, "Module")]
[OutputType("System.Object")]
public sealed class UninstallModuleCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string[] Name { get; set; } = [];

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter AllVersions { get; set; }

    protected override void Execute() => OnCluster(s =>
    {
        foreach (var name in Name)
        {
            var removed = s.AksArc.Modules.RemoveAll(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase));
            if (removed == 0)
            {
                throw new SimulationException("NoMatchFound,Microsoft.PowerShell.PackageManagement.Cmdlets.UninstallPackage", ErrorCategory.ObjectNotFound, $"No match was found for the specified search criteria and module names '{name}'.");
            }
        }
    });
}
