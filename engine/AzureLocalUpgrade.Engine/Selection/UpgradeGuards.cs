using AzureLocalUpgrade.Engine.Inventory;

namespace AzureLocalUpgrade.Engine.Selection;

/// <summary>
/// The static guard rules, applied to an inventory before anything runs. They mirror the runtime checks of the
/// shipped runbooks (runbooks/fragments/guards.yaml and the per-method checks); a rule changed here must change
/// there too. Refusals say why a runbook cannot apply; warnings and notes say what the run will meet.
/// </summary>
public static class UpgradeGuards
{
    /// <summary>24H2 from 22H2 needs at least this build (the 22H2 May 2025 update).</summary>
    public static readonly OsBuild Minimum22H2For24H2 = new(OsBuild.Build22H2, 3692);

    /// <summary>24H2 from 23H2 needs a build greater than this one.</summary>
    public static readonly OsBuild Exclusive23H2For24H2 = new(OsBuild.Build23H2, 1611);

    /// <summary>NIC driver versions 26100 ships inbox; an installed driver must be newer.</summary>
    public static readonly IReadOnlyDictionary<string, (Version Inbox, string Recommended)> InboxNicDrivers =
        new Dictionary<string, (Version, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["Intel"] = (new Version(1, 15, 121, 0), "1.17.73.0"),
            ["NVIDIA"] = (new Version(24, 4, 26429, 0), "25.4.50020"),
        };

    public static IReadOnlyList<GuardFinding> Evaluate(ClusterInventory cluster, ShippedRunbook runbook)
    {
        var findings = new List<GuardFinding>();
        if (cluster.Facts.SolutionDeployed)
        {
            findings.Add(GuardFinding.Refuse("solution-deployed",
                "The Azure Local solution is already deployed (Get-StampInformation returns output); these runbooks upgrade the OS only."));
        }

        if (runbook.IsPostUpgrade)
        {
            AddPostUpgradeRules(cluster, runbook, findings);
        }
        else
        {
            AddUpgradeRules(cluster, runbook, findings);
        }

        return findings;
    }

    private static void AddUpgradeRules(ClusterInventory cluster, ShippedRunbook runbook, List<GuardFinding> findings)
    {
        var releases = cluster.Nodes.Select(n => n.OsBuild.Release).Distinct().ToList();
        if (releases.Any(r => r != runbook.From && r != runbook.To))
        {
            findings.Add(GuardFinding.Refuse("source-release",
                $"The nodes run {string.Join(", ", releases)}; this runbook upgrades {runbook.From} to {runbook.To}."));
        }
        else if (releases.All(r => r == runbook.To))
        {
            findings.Add(GuardFinding.Refuse("already-upgraded",
                $"Every node already runs {runbook.To}; run the post-upgrade runbook instead."));
        }

        if (runbook.To == "24H2")
        {
            AddMinimumBuildRule(cluster, runbook, findings);
            AddNicDriverRule(cluster, findings);
        }

        AddStretchRules(cluster, runbook, findings);

        if (!cluster.Facts.Registered)
        {
            findings.Add(GuardFinding.Refuse("not-registered", "The cluster is not registered in Azure."));
        }

        var down = cluster.Nodes.Where(n => !string.Equals(n.State, "Up", StringComparison.OrdinalIgnoreCase)).Select(n => n.Name).ToList();
        if (down.Count > 0)
        {
            findings.Add(GuardFinding.Refuse("nodes-not-up", $"Every node must be Up; not Up: {string.Join(", ", down)}."));
        }

        AddMethodRules(cluster, runbook, findings);
        AddPreparationNotes(cluster, findings);
    }

    /// <summary>
    /// Stretched clusters (azure-local/upgrade/upgrade-stretched-cluster-to-23h2.md, 2025): they can't be upgraded to
    /// 24H2, and 22H2 → 23H2 with the 2509 ISO through a CAU run is the only supported path. This overrides the older
    /// "stretch clusters wait for 24H2" sentence of the 24H2 upgrade document (runbooks/README.md explains why).
    /// Mirrors guards/stretch-not-24h2 and guards/stretch-path.
    /// </summary>
    private static void AddStretchRules(ClusterInventory cluster, ShippedRunbook runbook, List<GuardFinding> findings)
    {
        if (!cluster.Facts.Stretch)
        {
            return;
        }

        if (runbook.To == "24H2")
        {
            findings.Add(GuardFinding.Refuse("stretch-24h2",
                "Stretched clusters can't be upgraded to 24H2. The only supported path is 22H2 to 23H2 with the 2509 ISO through CAU: "
                + "runbooks/22h2-to-23h2/cau.yaml with wuConnected=false (see runbooks/README.md)."));
        }
        else if (runbook.From == "22H2" && runbook.Method != "cau")
        {
            findings.Add(GuardFinding.Refuse("stretch-method",
                "A stretched cluster takes 23H2 only by a CAU run from the 2509 ISO: use runbooks/22h2-to-23h2/cau.yaml with wuConnected=false."));
        }
        else if (runbook.From == "22H2")
        {
            findings.Add(GuardFinding.Note("stretch-2509-iso",
                "Stretched cluster: set wuConnected=false and isoPath to the 2509 ISO; the run ends with the Storage Replica checks."));
        }
    }

    private static void AddMinimumBuildRule(ClusterInventory cluster, ShippedRunbook runbook, List<GuardFinding> findings)
    {
        var tooOld = cluster.Nodes
            .Where(n => n.OsBuild.Release == runbook.From)
            .Where(n => runbook.From == "22H2" ? n.OsBuild < Minimum22H2For24H2 : n.OsBuild <= Exclusive23H2For24H2)
            .Select(n => $"{n.Name} ({n.OsBuild})")
            .ToList();
        if (tooOld.Count > 0)
        {
            findings.Add(GuardFinding.Refuse("minimum-build",
                $"24H2 needs 20349.3692 or later, or a build greater than 25398.1611; too old: {string.Join(", ", tooOld)}."));
        }
    }

    private static void AddNicDriverRule(ClusterInventory cluster, List<GuardFinding> findings)
    {
        var inbox = cluster.Nodes
            .SelectMany(n => n.NicDrivers.Select(d => (Node: n.Name, Driver: d)))
            .Where(x => InboxNicDrivers.TryGetValue(x.Driver.Vendor, out var limit)
                && Version.TryParse(x.Driver.Version, out var version) && version <= limit.Inbox)
            .Select(x => $"{x.Node} {x.Driver.Vendor} {x.Driver.Version} (recommended {InboxNicDrivers[x.Driver.Vendor].Recommended})")
            .ToList();
        if (inbox.Count > 0)
        {
            findings.Add(GuardFinding.Warn("nic-inbox-drivers",
                $"NIC drivers no newer than the 26100 inbox versions; the runbook's check stops the run until they are updated: {string.Join("; ", inbox)}."));
        }
    }

    private static void AddMethodRules(ClusterInventory cluster, ShippedRunbook runbook, List<GuardFinding> findings)
    {
        var windowsUpdatePath = runbook.To == "23H2";
        switch (runbook.Method)
        {
            case "wac":
                findings.Add(GuardFinding.Note("person-needed", "The Windows Admin Center wizard needs a person at the console; the run stops at manual gates."));
                if (!cluster.Facts.WindowsUpdateAccess)
                {
                    findings.Add(GuardFinding.Refuse("wac-windows-update", "The wizard takes the feature update from Windows Update only, which the nodes cannot reach."));
                }

                break;
            case "cau" when windowsUpdatePath && cluster.Facts.WindowsUpdateAccess
                && !(cluster.Facts.OrchestratorOs ?? "").StartsWith("Windows Server 2022", StringComparison.OrdinalIgnoreCase):
                findings.Add(GuardFinding.Warn("orchestrator-os",
                    $"A CAU run over Windows Update must start from Windows Server 2022 (orchestrator: {cluster.Facts.OrchestratorOs ?? "unknown"}); use wuConnected=false with the ISO, or another orchestrator."));
                break;
            case "offline":
                findings.Add(GuardFinding.Note("downtime", "Every workload is down for the whole maintenance window."));
                break;
        }

        if (windowsUpdatePath && runbook.Method is "cau" or "sconfig" or "offline" && !cluster.Facts.WindowsUpdateAccess)
        {
            findings.Add(GuardFinding.Note("media-needed", "The nodes cannot reach Windows Update: set wuConnected=false and give the 2503 ISO (isoPath)."));
        }
    }

    private static void AddPreparationNotes(ClusterInventory cluster, List<GuardFinding> findings)
    {
        if (cluster.Facts.AksArc.Installed)
        {
            findings.Add(GuardFinding.Note("aks-arc",
                "AKS Arc is installed: the runbook removes it and the AksHci module first" + (cluster.Facts.AksArc.Preview ? " (preview: set aksArcPreview=true to remove its MOC VMs)." : ".")));
        }

        var secureBootOff = cluster.Nodes.Where(n => !n.SecureBoot).Select(n => n.Name).ToList();
        if (secureBootOff.Count > 0)
        {
            findings.Add(GuardFinding.Note("secure-boot-off",
                $"Secure Boot is off on {string.Join(", ", secureBootOff)}: the run stops at a UEFI gate for each (enableSecureBoot=false only warns)."));
        }
    }

    private static void AddPostUpgradeRules(ClusterInventory cluster, ShippedRunbook runbook, List<GuardFinding> findings)
    {
        var behind = cluster.Nodes.Where(n => n.OsBuild.Release != runbook.To).Select(n => $"{n.Name} ({n.OsBuild.Release})").ToList();
        if (behind.Count > 0)
        {
            findings.Add(GuardFinding.Refuse("upgrade-not-finished",
                $"The post-upgrade steps need every node on {runbook.To}; not yet: {string.Join(", ", behind)}."));
        }
        else if (cluster.Facts.FunctionalLevel >= 12)
        {
            findings.Add(GuardFinding.Note("functional-level-raised", "The functional level is already 12; that step will be skipped."));
        }
    }
}
