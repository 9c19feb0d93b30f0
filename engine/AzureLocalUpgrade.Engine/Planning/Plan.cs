namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// What a run would do, built from a <see cref="Graph.StepGraph"/>: an ordered tree of groups and steps, the bound
/// values, estimates and how certain each step is. Deterministic: the same inputs give an equal plan.
/// </summary>
/// <param name="Steps">Every main-graph step in graph (topological) order; <see cref="Items"/> holds the same steps as a tree.</param>
/// <param name="InventoryFacts">The inventory fingerprint, so applying a saved plan later can name what drifted.</param>
public sealed record Plan(
    int FormatVersion,
    PlanRunbook Runbook,
    PlanCluster Cluster,
    IReadOnlyList<PlanParameter> Parameters,
    IReadOnlyDictionary<string, string> SourceHashes,
    IReadOnlyDictionary<string, string> InventoryFacts,
    IReadOnlyList<PlanItem> Items,
    IReadOnlyList<PlanStep> Steps,
    PlanEstimates Estimates,
    PlanCounts Counts)
{
    public const int CurrentFormatVersion = 1;

    public IEnumerable<string> SecretParameterNames => Parameters.Where(p => p.IsSecret).Select(p => p.Name);
}
