using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Fleet.Model;

/// <summary>
/// A loaded, validated fleet file (kind: Fleet): the clusters with their labels and windows, how each cluster's
/// runbook is chosen, and the stages the fleet moves through in order.
/// </summary>
/// <param name="Name">metadata.name: the fleet's identity in plans, stores, events and reports.</param>
/// <param name="SourcePath">Absolute path of the fleet file; relative inventory globs resolve against its folder.</param>
internal sealed record FleetDefinition(
    string Name,
    string SourcePath,
    IReadOnlyList<FleetCluster> Clusters,
    IReadOnlyList<FleetStage> Stages)
{
    /// <summary>metadata.description: one line for people.</summary>
    public string? Description { get; init; }

    /// <summary>SHA-256 of the fleet file and of every inventory it holds, by path relative to the fleet file's folder.</summary>
    public IReadOnlyDictionary<string, string> SourceHashes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>One cluster of the fleet, after globs are expanded and label defaults applied.</summary>
/// <param name="Name">The inventory's cluster name (unique in the fleet).</param>
/// <param name="Site">The site label: workers serve sites, and per-site concurrency limits count by it.</param>
/// <param name="TimeZone">The cluster's own time zone (IANA or Windows id), for its windows.</param>
/// <param name="Windows">Maintenance windows in the single-cluster syntax ("Sat 22:00-Sun 06:00"), in TimeZone.</param>
internal sealed record FleetCluster(
    string Name,
    string InventoryPath,
    IReadOnlyDictionary<string, string> Labels,
    string Site,
    string TimeZone,
    IReadOnlyList<string> Windows,
    RunbookChoice Runbook,
    IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The loaded, validated inventory (null only in a definition built by hand, e.g. by a test of the store).</summary>
    public ClusterInventory? Inventory { get; init; }

    /// <summary>Where each parameter value was written in the fleet file, so a value a runbook refuses is reported there.</summary>
    public IReadOnlyDictionary<string, SourceSpan> ParameterSpans { get; init; } = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);

    /// <summary>The fleet file's cluster entry (inventory file or glob) this cluster came from.</summary>
    public SourceSpan EntrySpan { get; init; }
}

/// <summary>How a cluster's runbook is chosen: a named runbook, or the best match of `alu select`.</summary>
/// <param name="Runbook">A shipped runbook id ("22h2-to-23h2/cau") or a path; null means select.</param>
/// <param name="TargetVersion">"23H2" or "24H2" when selecting.</param>
/// <param name="MethodPreference">Methods in order of preference when selecting ("cau", "sconfig", ...).</param>
internal sealed record RunbookChoice(string? Runbook, string? TargetVersion, IReadOnlyList<string> MethodPreference)
{
    /// <summary>Where the choice was written (a named runbook that does not exist is reported there).</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>A stage: run after the previous stage has finished, soaked, passed its health check and been approved.</summary>
/// <param name="Groups">Label selectors; a cluster belongs to the first stage whose groups match it.</param>
/// <param name="MaxConcurrent">At most this many clusters of the stage run at once.</param>
/// <param name="MaxConcurrentPerSite">At most this many clusters of one site run at once; null means no site limit.</param>
/// <param name="Soak">Wait after the stage's last cluster finishes before the health check.</param>
/// <param name="ApprovalRequired">A signed-in operator approves before the next stage starts.</param>
internal sealed record FleetStage(
    string Name,
    IReadOnlyList<LabelSelector> Groups,
    int MaxConcurrent,
    int? MaxConcurrentPerSite,
    FailureBudget FailureBudget,
    TimeSpan Soak,
    bool ApprovalRequired,
    FleetHealthCheck HealthCheck)
{
    public SourceSpan Span { get; init; }
}

/// <summary>All labels must match (exact values).</summary>
internal sealed record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels);

/// <summary>How many cluster failures a stage tolerates: a count, or a percentage of its clusters (rounded down).</summary>
internal sealed record FailureBudget(int? Count, double? Percent)
{
    public int AllowedFailures(int clustersInStage) =>
        Count ?? (Percent is { } p ? (int)Math.Floor(clustersInStage * p / 100.0) : 0);
}

/// <summary>The fleet health check after a stage's soak: which cluster states block the next stage.</summary>
/// <param name="NoDegradedClusters">Every finished cluster of the stage must report healthy (health probe) again.</param>
internal sealed record FleetHealthCheck(bool NoDegradedClusters);
