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

    public static void Check(IReadOnlyList<FleetCluster> clusters, IReadOnlyList<FleetStage> stages, DiagnosticBag bag)
    {
        var used = new HashSet<FleetStage>(ReferenceEqualityComparer.Instance);
        foreach (var cluster in clusters)
        {
            if (StageOf(cluster, stages) is { } stage)
            {
                used.Add(stage);
            }
            else
            {
                bag.Add(FleetDiagnostics.ClusterInNoStage(cluster.EntrySpan, cluster.Name, cluster.Labels));
            }
        }

        foreach (var stage in stages.Where(s => !used.Contains(s)))
        {
            bag.Add(FleetDiagnostics.StageMatchesNoCluster(stage.Span, stage.Name));
        }
    }
}
