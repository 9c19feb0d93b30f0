using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.AksArc;

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
            if (!string.Equals(name, GetInstalledModuleCommand.AksHciModule, StringComparison.OrdinalIgnoreCase) || !s.AksArc.ModuleInstalled)
            {
                throw new SimulationException("NoMatchFound,Microsoft.PowerShell.PackageManagement.Cmdlets.UninstallPackage", ErrorCategory.ObjectNotFound, $"No match was found for the specified search criteria and module names '{name}'.");
            }

            s.AksArc.ModuleInstalled = false;
        }
    });
}
