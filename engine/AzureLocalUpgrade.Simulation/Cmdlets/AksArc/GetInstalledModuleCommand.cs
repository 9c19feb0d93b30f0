using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.AksArc;

/// <summary>
/// Installed PowerShellGet modules; the simulator tracks only the AKS-HCI ones. Each name that matches nothing is its
/// own non-terminating error, after the modules that did match, so -ErrorAction SilentlyContinue leaves the matches.
/// </summary>
[Cmdlet(VerbsCommon.Get, "InstalledModule")]
[OutputType("System.Management.Automation.PSCustomObject")]
public sealed class GetInstalledModuleCommand : SimulatorCmdlet
{
    public const string AksHciModule = "AksHci";

    [Parameter(Position = 0)]
    public string[]? Name { get; set; }

    [Parameter]
    public SwitchParameter AllVersions { get; set; }

    protected override void Execute()
    {
        var installed = QueryCluster(s => s.AksArc.Modules.Select(m => new InstalledModuleInfo(m, VersionOf(m), "PSGallery")).ToList());
        var wanted = Name ?? [.. installed.Select(m => m.Name)];
        foreach (var name in wanted)
        {
            var match = installed.Find(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var missing = new SimulationException("NoMatchFound,Microsoft.PowerShell.PackageManagement.Cmdlets.GetPackage", ErrorCategory.ObjectNotFound, $"No match was found for the specified search criteria and module names '{name}'.");
                WriteError(new ErrorRecord(missing, missing.ErrorId, missing.Category, name));
                continue;
            }

            WriteObject(match);
        }
    }

    /// <summary>The simulator's versions (no page lists them): the last AksHci release before 23H2, 1.x for the rest.</summary>
    private static string VersionOf(string module) =>
        string.Equals(module, AksHciModule, StringComparison.OrdinalIgnoreCase) ? "1.2.16" : "1.0.0";
}
