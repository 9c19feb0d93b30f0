using System.Collections;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.WindowsUpdate;

/// <summary>
/// MSFT_WUOperations (root/Microsoft/Windows/WindowsUpdate), the non-interactive form of SConfig option 6.3:
/// ScanForUpdates lists the offered feature update; InstallUpdates stages it for the next reboot.
/// Other CIM classes are not simulated.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "CimMethod")]
[OutputType("System.Management.Automation.PSCustomObject")]
public sealed class InvokeCimMethodCommand : SimulatorCmdlet
{
    private const string WindowsUpdateNamespace = "root/Microsoft/Windows/WindowsUpdate";

    [Parameter]
    public string Namespace { get; set; } = "root/cimv2";

    [Parameter(Mandatory = true, Position = 0)]
    [Alias("Class")]
    public string ClassName { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2)]
    [Alias("Name")]
    public string MethodName { get; set; } = "";

    [Parameter(Position = 1)]
    public IDictionary? Arguments { get; set; }

    protected override void Execute()
    {
        if (!string.Equals(Namespace.Replace('\\', '/'), WindowsUpdateNamespace, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(ClassName, "MSFT_WUOperations", StringComparison.OrdinalIgnoreCase))
        {
            throw new SimulationException("CimClassNotSimulated", ErrorCategory.NotImplemented, $"The simulator provides only MSFT_WUOperations in {WindowsUpdateNamespace}, not {ClassName} in {Namespace}.");
        }

        object result = MethodName.ToUpperInvariant() switch
        {
            "SCANFORUPDATES" => OnLocalNode((s, node) =>
            {
                Evolution.AdvanceTo(s, s.Now + SimulationTimings.WindowsUpdateScan);
                var offer = UpdateOffer.FromWindowsUpdate(s, node);
                return new WindowsUpdateScanResult(0, offer is null ? [] : [new WindowsUpdateInfo(offer.Title, $"feature-update-{offer.Release}", true)]);
            }),
            "INSTALLUPDATES" => OnLocalNode((s, node) =>
            {
                var offer = UpdateOffer.FromWindowsUpdate(s, node);
                Evolution.AdvanceTo(s, s.Now + SimulationTimings.WindowsUpdateInstall);
                if (offer is null)
                {
                    return new WindowsUpdateInstallResult(0, node.PendingFeatureUpdate is not null);
                }

                node.PendingFeatureUpdate = offer.Release;
                return new WindowsUpdateInstallResult(0, true);
            }),
            _ => throw new SimulationException("CimMethodNotSimulated", ErrorCategory.NotImplemented, $"MSFT_WUOperations.{MethodName} is not simulated; use ScanForUpdates or InstallUpdates."),
        };
        WriteObject(result);
    }
}
