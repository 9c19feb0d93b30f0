using System.Globalization;

namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>
/// The cluster facts a plan depends on, flattened to sorted name → value pairs. A saved plan carries them, so
/// applying it later can say exactly which facts drifted (node list, builds, stretch, ...) rather than only
/// "the hash changed".
/// </summary>
public sealed class InventoryFingerprint
{
    private InventoryFingerprint(SortedDictionary<string, string> facts) => Facts = facts;

    public IReadOnlyDictionary<string, string> Facts { get; }

    public static InventoryFingerprint Of(ClusterInventory cluster)
    {
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["cluster.name"] = cluster.Name,
            ["connection"] = cluster.Connection.Simulated ? "simulated" : cluster.Connection.Transport,
            ["nodes"] = string.Join(",", cluster.Nodes.Select(n => n.Name)),
            ["facts.stretch"] = Flag(cluster.Facts.Stretch),
            ["facts.solutionDeployed"] = Flag(cluster.Facts.SolutionDeployed),
            ["facts.registered"] = Flag(cluster.Facts.Registered),
            ["facts.identity"] = cluster.Facts.Identity ?? "none",
            ["facts.cloudManagementGroup"] = cluster.Facts.CloudManagementGroup,
            ["facts.aksArc"] = cluster.Facts.AksArc.Installed ? (cluster.Facts.AksArc.Preview ? "preview" : "installed") : "absent",
            ["facts.cauRoleInstalled"] = Flag(cluster.Facts.CauRoleInstalled),
            ["facts.windowsUpdateAccess"] = Flag(cluster.Facts.WindowsUpdateAccess),
            ["facts.functionalLevel"] = cluster.Facts.FunctionalLevel.ToString(CultureInfo.InvariantCulture),
            ["facts.storage.volumes"] = string.Join(",", cluster.Facts.Storage.Volumes.Select(v => $"{v.Name}:{v.FileSystem}")),
        };
        foreach (var node in cluster.Nodes)
        {
            facts[$"node.{node.Name}.build"] = node.Build;
            facts[$"node.{node.Name}.secureBoot"] = Flag(node.SecureBoot);
            facts[$"node.{node.Name}.nicDrivers"] = string.Join(",", node.NicDrivers.Select(d => $"{d.Vendor}:{d.Version}"));
            if (node.Site is not null)
            {
                facts[$"node.{node.Name}.site"] = node.Site;
            }
        }

        return new InventoryFingerprint(facts);
    }

    public static InventoryFingerprint FromFacts(IReadOnlyDictionary<string, string> facts) =>
        new(new SortedDictionary<string, string>(facts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    /// <summary>Every fact that differs, in name order: "nodes: was a,b,c; now a,b".</summary>
    public IReadOnlyList<string> DriftFrom(InventoryFingerprint planned)
    {
        var names = planned.Facts.Keys.Union(Facts.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var drift = new List<string>();
        foreach (var name in names)
        {
            var before = planned.Facts.GetValueOrDefault(name);
            var now = Facts.GetValueOrDefault(name);
            if (!string.Equals(before, now, StringComparison.Ordinal))
            {
                drift.Add($"{name}: was {before ?? "(absent)"}; now {now ?? "(absent)"}");
            }
        }

        return drift;
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
