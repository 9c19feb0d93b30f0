using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// The Cluster-Aware Updating Best Practices Analyzer model that Test-CauSetup runs (Test-CauSetup.md: "performs a
/// Best Practices Analyzer (BPA) scan ... by invoking the ClusterAwareUpdating BPA model"; its results are read with
/// Get-BpaResult). The rules are the ones the simulator can decide from its model.
/// </summary>
internal static class CauBestPractices
{
    public const string ModelId = "Microsoft/Windows/ClusterAwareUpdating";

    public static List<BpaResultState> Scan(SimulationState s, string computer)
    {
        var results = new List<BpaResultState>();
        void Add(string severity, string title, string problem, string resolution) => results.Add(new BpaResultState
        {
            Computer = computer, ModelId = ModelId, Severity = severity, Category = "Configuration", Title = title, Problem = problem, Resolution = resolution,
        });

        var noRemoting = s.Nodes.Where(n => !n.RemotingConfigured).Select(n => n.Name).ToList();
        if (noRemoting.Count == 0)
        {
            Add("Information", "PowerShell remoting is enabled on all nodes", "", "");
        }
        else
        {
            Add("Error", "PowerShell remoting must be enabled on all nodes", $"Not enabled on {string.Join(", ", noRemoting)}.", "Run Set-WSManQuickConfig and Enable-PSRemoting on each node.");
        }

        var noFirewall = s.Nodes.Where(n => !n.FirewallRulesEnabled).Select(n => n.Name).ToList();
        if (noFirewall.Count == 0)
        {
            Add("Information", "The Remote Shutdown firewall rule group is enabled", "", "");
        }
        else
        {
            Add("Warning", "The Remote Shutdown firewall rule group should be enabled", $"Not enabled on {string.Join(", ", noFirewall)}.", "Use -EnableFirewallRules with Invoke-CauRun or Add-CauClusterRole.");
        }

        var down = s.Nodes.Where(n => !n.InCluster).Select(n => n.Name).ToList();
        if (down.Count > 0)
        {
            Add("Error", "All cluster nodes should be online", $"Down: {string.Join(", ", down)}.", "Bring every node back before updating.");
        }

        if (!s.Cau.RoleInstalled)
        {
            Add("Warning", "The CAU clustered role should be installed", "Self-updating mode is unavailable; remote updating works.", "Add-CauClusterRole.");
        }

        return results;
    }
}
