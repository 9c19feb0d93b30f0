using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inputs;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>The clusters of a fleet file and the hashes of the files they were read from.</summary>
internal sealed record FleetExpansion(IReadOnlyList<FleetCluster> Clusters, IReadOnlyDictionary<string, string> SourceHashes);

/// <summary>
/// Turns the cluster entries into clusters: each inventory path or glob expanded against the fleet file's folder,
/// each match loaded by <see cref="InventoryLoader"/> (the bounded reader, cluster.v1.json, name rules), then the
/// cluster's settings merged from the defaults, the label rules it matches (in order) and its own entry.
/// </summary>
internal sealed class FleetClusterExpander(string fleetPath, DiagnosticBag bag, LoadLimits limits, FleetSettings defaults, IReadOnlyList<FleetLabelRule> rules, int maxClusters)
{
    public const string FleetFileKey = "fleet";

    private readonly string _folder = Path.GetDirectoryName(fleetPath)!;

    public FleetExpansion? Expand(IEnumerable<YamlMap> entries)
    {
        var clusters = new List<FleetCluster>();
        var firstFile = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FleetFileKey] = HashOf(fleetPath) };
        var settingsReader = new FleetSettingsReader(fleetPath, bag);
        foreach (var entry in entries)
        {
            var inventoryNode = entry.Scalar("inventory")!;
            var entrySpan = YamlSpans.Of(fleetPath, inventoryNode);
            var labels = FleetSettingsReader.Labels(entry.Map("labels"));
            if (!labels.TryGetValue("site", out var site) || site.Length == 0)
            {
                bag.Add(FleetDiagnostics.SiteLabelMissing(entry.Get("labels") is { } labelsNode ? YamlSpans.Of(fleetPath, labelsNode) : entrySpan));
            }

            var own = settingsReader.Read(entry);
            var files = Files(inventoryNode.Value ?? "", entrySpan, maxClusters - clusters.Count);
            if (files is null)
            {
                return null; // too many clusters: nothing more is read
            }

            foreach (var file in files)
            {
                var inventory = InventoryLoader.Load(file, bag, limits);
                if (inventory is null)
                {
                    continue;
                }

                var relative = Relative(file);
                if (firstFile.TryGetValue(inventory.Name, out var first))
                {
                    bag.Add(FleetDiagnostics.DuplicateClusterName(entrySpan, inventory.Name, first, relative));
                    continue;
                }

                firstFile[inventory.Name] = relative;
                hashes[relative] = HashOf(file);
                clusters.Add(Cluster(inventory, relative, labels, site ?? "", own, entrySpan));
            }
        }

        return new FleetExpansion(clusters, hashes);
    }

    private IReadOnlyList<string>? Files(string pattern, SourceSpan at, int room)
    {
        if (!InventoryGlob.HasWildcard(pattern))
        {
            // A plain path: the inventory loader reports a missing or unreadable file at the file itself.
            var path = Path.GetFullPath(Path.Combine(_folder, pattern));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                bag.Add(FleetDiagnostics.InventoryGlobMatchesNothing(at, pattern, _folder));
                return [];
            }

            return room < 1 ? TooMany(at) : [path];
        }

        var matches = InventoryGlob.Expand(pattern, _folder, Math.Max(room, 0), out var problem);
        if (matches is null)
        {
            if (problem.StartsWith("it matches more than", StringComparison.Ordinal))
            {
                return TooMany(at);
            }

            bag.Add(FleetDiagnostics.InvalidInventoryGlob(at, pattern, problem));
            return [];
        }

        if (matches.Count == 0)
        {
            bag.Add(FleetDiagnostics.InventoryGlobMatchesNothing(at, pattern, _folder));
        }

        return matches;
    }

    private IReadOnlyList<string>? TooMany(SourceSpan at)
    {
        bag.Add(FleetDiagnostics.TooManyClusters(at, maxClusters));
        return null;
    }

    private FleetCluster Cluster(ClusterInventory inventory, string relativePath, IReadOnlyDictionary<string, string> labels, string site, FleetSettings own, SourceSpan entrySpan)
    {
        var merged = rules.Where(r => StageCoverage.Matches(r.Match, labels)).Aggregate(defaults, (acc, rule) => acc.With(rule.Settings)).With(own);
        return new FleetCluster(
            inventory.Name,
            relativePath,
            labels,
            site,
            merged.TimeZone ?? "UTC",
            merged.Windows ?? [],
            merged.Runbook ?? new RunbookChoice(null, null, []),
            merged.Parameters.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal))
        {
            Inventory = inventory,
            ParameterSpans = merged.Parameters.ToDictionary(p => p.Key, p => p.Value.Span, StringComparer.Ordinal),
            EntrySpan = entrySpan,
        };
    }

    private string Relative(string file) => Path.GetRelativePath(_folder, file).Replace('\\', '/');

    // The inventory loader has just read the file through the bounded reader; this second read only hashes it.
    private string HashOf(string file)
    {
        var read = InputFile.Read(file, limits.MaxFileBytes);
        return read.Succeeded ? SourceHasher.HashBytes(read.Bytes) : "";
    }
}
