using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.AksArc;

/// <summary>Installed PowerShellGet modules; the simulator tracks only AksHci.</summary>
[Cmdlet(VerbsCommon.Get, "InstalledModule")]
[OutputType("System.Management.Automation.PSCustomObject")]
public sealed class GetInstalledModuleCommand : SimulatorCmdlet
{
    public const string AksHciModule = "AksHci";

    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    protected override void Execute()
    {
        var modules = OnCluster(s =>
        {
            var installed = s.AksArc.ModuleInstalled ? new List<InstalledModuleInfo> { new(AksHciModule, "1.2.16", "PSGallery") } : [];
            var missing = Name?.FirstOrDefault(n => !installed.Exists(m => string.Equals(m.Name, n, StringComparison.OrdinalIgnoreCase)));
            return missing is not null
                ? throw new SimulationException("NoMatchFound,Microsoft.PowerShell.PackageManagement.Cmdlets.GetPackage", ErrorCategory.ObjectNotFound, $"No match was found for the specified search criteria and module names '{missing}'.")
                : installed;
        });
        WriteObject(modules, enumerateCollection: true);
    }
}
