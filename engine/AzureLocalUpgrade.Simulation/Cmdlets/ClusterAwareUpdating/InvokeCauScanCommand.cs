using System.Collections;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>
/// The initial set of updates each node would get (docset/winserver2022-ps/ClusterAwareUpdating/Invoke-CauScan.md):
/// one update object per node and update — with the RollingUpgradePlugin, the feature update from Windows Update or
/// from the staged media — and nothing for a node that would get nothing. The reference names the output type
/// (Microsoft.ClusterAwareUpdating.UpdateInfo) but not its properties; NodeName and UpdateTitle are the simulator's.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "CauScan")]
public sealed class InvokeCauScanCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    [Parameter]
    public string[] CauPluginName { get; set; } = [CauRunRequest.WindowsUpdatePlugin];

    [Parameter]
    public Hashtable[]? CauPluginArguments { get; set; }

    protected override void Execute()
    {
        var plugin = CauPluginName.FirstOrDefault() ?? CauRunRequest.WindowsUpdatePlugin;
        var wuConnected = !string.Equals(ClusterAwareUpdating.CauPluginArguments.Get(CauPluginArguments, "WuConnected"), "false", StringComparison.OrdinalIgnoreCase);
        var media = ClusterAwareUpdating.CauPluginArguments.Get(CauPluginArguments, "PathToSetupMedia");
        var results = OnCluster(s =>
        {
            CheckClusterName(s, ClusterName);
            RequireClusterRunning(s);
            var rolling = string.Equals(plugin, CauRunRequest.RollingUpgradePlugin, StringComparison.OrdinalIgnoreCase);
            return s.Nodes.Select(n =>
            {
                var offer = !rolling ? null
                    : wuConnected ? UpdateOffer.FromWindowsUpdate(s, n)
                    : media is null ? null : UpdateOffer.FromMedia(s, n, media);
                return offer is null ? null : new CauScanResult(n.Name, offer.Title, offer.Release);
            }).OfType<CauScanResult>().ToList();
        });
        WriteObject(results, enumerateCollection: true);
    }
}
