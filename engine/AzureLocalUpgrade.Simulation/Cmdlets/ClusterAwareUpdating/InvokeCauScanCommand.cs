using System.Collections;
using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>Per node, the feature update the RollingUpgradePlugin would install (WU offer or staged media).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "CauScan")]
[OutputType("Microsoft.ClusterAwareUpdating.UpdateInfo")]
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
                return new CauScanResult(n.Name, offer?.Title, offer?.Release);
            }).ToList();
        });
        WriteObject(results, enumerateCollection: true);
    }
}
