namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>
/// The whole fleet's plan (<c>alu fleet plan</c>): the stages in order with their clusters, each cluster's runbook,
/// estimate and expected window, the gates between stages, and the clusters refused with their reasons. A pure
/// function of the fleet file, its inventories, the runbooks and <see cref="Start"/>: the same inputs give an equal
/// plan and byte-identical renderings. fleet-engine schedules from it.
/// </summary>
/// <param name="SourceHashes">SHA-256 of the fleet file (key "fleet"), every inventory (relative to the fleet file) and every runbook used ("runbook:ID").</param>
internal sealed record FleetPlan(
    int FormatVersion,
    string FleetName,
    string? Description,
    DateTimeOffset Start,
    IReadOnlyList<FleetPlanStage> Stages,
    IReadOnlyList<RefusedCluster> Refused,
    IReadOnlyDictionary<string, string> SourceHashes)
{
    public const int CurrentFormatVersion = 1;

    public IEnumerable<PlannedCluster> Clusters => Stages.SelectMany(s => s.Clusters);

    /// <summary>When the last stage's last cluster is expected to finish (its soak not counted); null for an empty plan.</summary>
    public DateTimeOffset? ExpectedEnd => Stages.Where(s => s.ExpectedEnd is not null).Select(s => s.ExpectedEnd).Max();
}

/// <param name="Index">1-based position in the fleet file.</param>
/// <param name="AllowedFailures">The failure budget as a count of this stage's clusters.</param>
/// <param name="NotBefore">The stage starts no earlier: the fleet start, or the previous stage's end plus its soak (and its approval, counted as given then).</param>
/// <param name="ExpectedEnd">When the stage's last cluster is expected to finish; null when the stage holds no cluster.</param>
internal sealed record FleetPlanStage(
    int Index,
    string Name,
    int MaxConcurrent,
    int? MaxConcurrentPerSite,
    string FailureBudget,
    int AllowedFailures,
    TimeSpan Soak,
    bool ApprovalRequired,
    bool HealthCheckNoDegraded,
    DateTimeOffset NotBefore,
    DateTimeOffset? ExpectedEnd,
    IReadOnlyList<PlannedCluster> Clusters)
{
    /// <summary>The next stage may start from here: the end plus the soak (an approval is counted as given at once).</summary>
    public DateTimeOffset GateAt => (ExpectedEnd ?? NotBefore) + Soak;
}

/// <summary>One cluster the fleet will upgrade.</summary>
/// <param name="InventoryPath">Relative to the fleet file, '/'-separated.</param>
/// <param name="Runbook">The runbook id (relative to the runbooks folder, without .yaml) or the file relative to the fleet file.</param>
/// <param name="ChosenBy">"named" (the fleet file names it) or "select" (the best match of alu select).</param>
/// <param name="Estimate">The single-cluster plan's critical path.</param>
/// <param name="Notes">Warnings and notes of the selector's guards for the chosen runbook (code: message).</param>
/// <param name="InputsHash">Hash of everything the cluster's single-cluster plan is a function of (its runbook, fragment and inventory files and bound parameters).</param>
internal sealed record PlannedCluster(
    string Name,
    string Site,
    int Nodes,
    string InventoryPath,
    IReadOnlyDictionary<string, string> Labels,
    string Stage,
    string Runbook,
    string RunbookName,
    string RunbookVersion,
    string Method,
    string From,
    string To,
    string ChosenBy,
    IReadOnlyDictionary<string, string> Parameters,
    TimeSpan Estimate,
    int Steps,
    string InputsHash,
    string TimeZone,
    IReadOnlyList<string> Windows,
    ExpectedWindow Window,
    IReadOnlyList<string> Notes);

/// <summary>
/// When the cluster is expected to run: it starts at <see cref="Start"/> (inside an opening of one of its windows,
/// or at once when it has none) and finishes at <see cref="End"/>, possibly in a later opening when its disruptive
/// groups do not all fit in the first. Local times are in the cluster's own zone.
/// </summary>
/// <param name="LocalStart">Start in the cluster's zone, "yyyy-MM-dd HH:mm +hh:mm".</param>
/// <param name="OpeningStart">The window opening it starts in (UTC), or null when the cluster has no window.</param>
/// <param name="Openings">How many openings the run spans (1 when it fits in the first).</param>
internal sealed record ExpectedWindow(
    DateTimeOffset Start,
    DateTimeOffset End,
    string LocalStart,
    string LocalEnd,
    DateTimeOffset? OpeningStart,
    DateTimeOffset? OpeningEnd,
    int Openings);

/// <summary>A cluster the fleet will not upgrade, and why (the selector's refusal codes and messages).</summary>
internal sealed record RefusedCluster(string Name, string Site, int Nodes, string InventoryPath, string Stage, IReadOnlyList<RefusalReason> Reasons);

internal sealed record RefusalReason(string Code, string Message);
