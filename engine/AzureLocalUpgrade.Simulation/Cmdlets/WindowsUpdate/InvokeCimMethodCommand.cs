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
            "SCANFORUPDATES" => Scanned(),
            "INSTALLUPDATES" => Installed(),
            _ => throw new SimulationException("CimMethodNotSimulated", ErrorCategory.NotImplemented, $"MSFT_WUOperations.{MethodName} is not simulated; use ScanForUpdates or InstallUpdates."),
        };
        WriteObject(result);
    }

    private WindowsUpdateScanResult Scanned()
    {
        QueryLocalNode((_, _) => true);
        Pass(SimulationTimings.WindowsUpdateScan);
        return OnLocalNode((s, node) =>
            {
                var offer = UpdateOffer.FromWindowsUpdate(s, node);
                return new WindowsUpdateScanResult(0, offer is null ? [] : [new WindowsUpdateInfo(offer.Title, $"feature-update-{offer.Release}", true)]);
            });
    }

    /// <summary>The offer is the one found as the install starts; it lands on the node when the install's time has passed.</summary>
    private WindowsUpdateInstallResult Installed()
    {
        var offer = OnLocalNode((s, node) => UpdateOffer.FromWindowsUpdate(s, node));
        Pass(SimulationTimings.WindowsUpdateInstall);
        return OnLocalNode((s, node) =>
            {
                if (offer is null)
                {
                    return new WindowsUpdateInstallResult(0, node.PendingFeatureUpdate is not null);
                }

                node.PendingFeatureUpdate = offer.Release;
                return new WindowsUpdateInstallResult(0, true);
            });
    }
}
