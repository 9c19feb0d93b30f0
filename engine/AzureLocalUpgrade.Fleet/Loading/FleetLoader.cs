using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Schema;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>
/// Loads a fleet file (docs/fleets.md): YAML through the one bounded reader with the runbook limits,
/// schemas/fleet.v1.json, then the clusters (each inventory loaded and validated by the cluster inventory loader),
/// the label rules and defaults, and the stages. Every problem is a positioned diagnostic; the result is null
/// when there is any error, because a half-read fleet could upgrade the wrong clusters.
/// </summary>
internal static class FleetLoader
{
    /// <summary>More clusters than this in one fleet file is refused before any inventory is read.</summary>
    public const int MaxClusters = 5000;

    public static FleetDefinition? Load(string path, DiagnosticBag bag) => Load(path, bag, LoadLimits.Default);

    public static FleetDefinition? Load(string path, DiagnosticBag bag, LoadLimits limits, int maxClusters = MaxClusters) =>
        AluDocument.AllOrNothing(path, bag, (fullPath, local) => Read(fullPath, local, limits, maxClusters));

    private static FleetDefinition? Read(string fullPath, DiagnosticBag bag, LoadLimits limits, int maxClusters)
    {
        if (AluDocument.Load(fullPath, SchemaCatalog.FleetV1, bag, limits) is not { Map: var document } || bag.HasErrors)
        {
            return null; // unreadable, or the shape is wrong: reading on would only repeat the schema's findings
        }

        var settings = new FleetSettingsReader(fullPath, bag);
        var defaults = settings.Read(document.Map("defaults"));
        var rules = document.List("labelRules").Select(YamlMap.From).OfType<YamlMap>()
            .Select(r => new FleetLabelRule(new LabelSelector(FleetSettingsReader.Labels(r.Map("match"))), settings.Read(r)))
            .ToList();
        var stages = new FleetStageReader(fullPath, bag).Read(document.List("stages").Select(YamlMap.From).OfType<YamlMap>());
        var expansion = new FleetClusterExpander(fullPath, bag, limits, defaults, rules, maxClusters).Expand(document.List("clusters").Select(YamlMap.From).OfType<YamlMap>());
        if (expansion is null)
        {
            return null;
        }

        StageCoverage.Check(expansion.Clusters, stages, bag);
        var metadata = document.Map("metadata");
        return new FleetDefinition(metadata?.String("name") ?? "", fullPath, expansion.Clusters, stages)
        {
            Description = metadata?.String("description"),
            SourceHashes = expansion.SourceHashes,
        };
    }
}
