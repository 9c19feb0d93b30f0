using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.ClusterAwareUpdating;

/// <summary>
/// CAU best-practice checks. Missing PowerShell remoting is an Error (CAU cannot work); a disabled Remote Shutdown
/// firewall group is a Warning, because Invoke-CauRun -EnableFirewallRules fixes it.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "CauSetup")]
public sealed class TestCauSetupCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? ClusterName { get; set; }

    protected override void Execute()
    {
        var results = OnCluster(s =>
        {
            CheckClusterName(s, ClusterName);
            var list = new List<CauSetupResult>();
            var noRemoting = s.Nodes.Where(n => !n.RemotingConfigured).Select(n => n.Name).ToList();
            list.Add(noRemoting.Count == 0
                ? new("Information", "PowerShell remoting is enabled on all nodes", "Every node accepts PowerShell remoting.", null)
                : new("Error", "PowerShell remoting must be enabled on all nodes", $"Not enabled on {string.Join(", ", noRemoting)}.", "Run Set-WSManQuickConfig and Enable-PSRemoting on each node."));
            var noFirewall = s.Nodes.Where(n => !n.FirewallRulesEnabled).Select(n => n.Name).ToList();
            list.Add(noFirewall.Count == 0
                ? new("Information", "The Remote Shutdown firewall rule group is enabled", "CAU can restart every node.", null)
                : new("Warning", "The Remote Shutdown firewall rule group should be enabled", $"Not enabled on {string.Join(", ", noFirewall)}.", "Use -EnableFirewallRules with Invoke-CauRun or Add-CauClusterRole."));
            var down = s.Nodes.Where(n => !n.InCluster).Select(n => n.Name).ToList();
            if (down.Count > 0)
            {
                list.Add(new("Error", "All cluster nodes should be online", $"Down: {string.Join(", ", down)}.", "Bring every node back before updating."));
            }

            list.Add(new(s.Cau.RoleInstalled ? "Information" : "Warning", "The CAU clustered role", s.Cau.RoleInstalled ? "Installed." : "Not installed (self-updating mode unavailable; remote updating works).", null));
            return list;
        });
        WriteObject(results, enumerateCollection: true);
    }
}
