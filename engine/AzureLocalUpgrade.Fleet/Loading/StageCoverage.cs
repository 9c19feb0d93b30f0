using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>
/// Stage membership: a cluster belongs to the first stage with a group whose labels it all carries. A cluster no
/// stage takes is an error (the fleet would silently skip it); a stage that takes no cluster is a warning.
/// </summary>
internal static class StageCoverage
{
    public static FleetStage? StageOf(FleetCluster cluster, IReadOnlyList<FleetStage> stages) =>
        stages.FirstOrDefault(stage => stage.Groups.Any(group => Matches(group, cluster.Labels)));

    public static bool Matches(LabelSelector selector, IReadOnlyDictionary<string, string> labels) =>
        selector.MatchLabels.All(pair => labels.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));

    /// <summary>
    /// Labels belong to a cluster entry, so an entry's clusters are all in a stage or all in none: one error per
    /// entry. The warning about empty stages is left out when the clusters could not all be read (it would mislead).
    /// </summary>
    public static void Check(IReadOnlyList<FleetCluster> clusters, IReadOnlyList<FleetStage> stages, DiagnosticBag bag)
    {
        var complete = !bag.HasErrors;
        var used = new HashSet<FleetStage>(ReferenceEqualityComparer.Instance);
        foreach (var entry in clusters.GroupBy(c => c.EntrySpan))
        {
            var first = entry.First();
            if (StageOf(first, stages) is { } stage)
            {
                used.Add(stage);
            }
            else
            {
                bag.Add(FleetDiagnostics.ClusterInNoStage(entry.Key, [.. entry.Select(c => c.Name)], first.Labels));
            }
        }

        foreach (var stage in stages.Where(s => complete && !used.Contains(s)))
        {
            bag.Add(FleetDiagnostics.StageMatchesNoCluster(stage.Span, stage.Name));
        }
    }
}
