using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Storage;

/// <summary>What a fleet run starts from: its stages and clusters as the fleet plan assigned them.</summary>
/// <param name="TimeScale">Virtual seconds per wall second for soaks: 1 against real clusters;
/// <see cref="VirtualTime"/> (a soak takes no wall time) against simulated ones, whose runs already move on the
/// simulator's virtual clock; any other positive number to watch a soak pass at that speed.</param>
internal sealed record FleetRunSeed(
    string FleetId,
    string FleetName,
    string SourcePath,
    double TimeScale,
    IReadOnlyList<StageSeed> Stages,
    IReadOnlyList<ClusterSeed> Clusters)
{
    /// <summary>An infinitely fast soak clock: a soak ends as soon as it starts (stored as IEEE infinity).</summary>
    public const double VirtualTime = double.PositiveInfinity;

    /// <summary>How long <paramref name="virtualDuration"/> takes in wall time at <paramref name="timeScale"/>.</summary>
    public static TimeSpan WallTimeOf(TimeSpan virtualDuration, double timeScale) =>
        double.IsPositiveInfinity(timeScale) ? TimeSpan.Zero : TimeSpan.FromTicks((long)(virtualDuration.Ticks / timeScale));
}

/// <summary>A stage as the fleet plan set it: its name and its limits, the same from seed to finish.</summary>
internal sealed record StageSeed(
    string Name,
    int MaxConcurrent,
    int? MaxConcurrentPerSite,
    int AllowedFailures,
    TimeSpan Soak,
    bool ApprovalRequired,
    bool NoDegradedClusters);

/// <param name="StageIndex">-1 when the plan refused the cluster (<paramref name="Reason"/> says why).</param>
/// <param name="PlannedWindow">The window opening the fleet plan's calendar starts it in (null: it has no window).</param>
/// <param name="PlannedEnd">When the fleet plan's calendar expects it to finish: its ETA until it runs.</param>
internal sealed record ClusterSeed(
    string Name,
    string Site,
    int StageIndex,
    string? Runbook,
    string InventoryPath,
    string TimeZone,
    IReadOnlyList<string> Windows,
    IReadOnlyDictionary<string, string> Parameters,
    string? Reason,
    string? PlanText,
    DateTimeOffset? PlannedWindow = null,
    DateTimeOffset? PlannedEnd = null);

internal sealed record FleetRow(
    string FleetId,
    string FleetName,
    string SourcePath,
    FleetRunState State,
    string? HaltReason,
    int CurrentStage,
    double TimeScale,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>A stage of a fleet run as stored: the plan's stage (<see cref="StageSeed"/>, as seeded) and how far it got.</summary>
internal sealed record StageRow(
    int Index,
    StageSeed Plan,
    StageState State,
    DateTimeOffset? SoakUntil,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt);

/// <summary>
/// A cluster of a fleet run as stored now. Not a <see cref="ClusterSeed"/> plus state, unlike <see cref="StageRow"/>:
/// two of the seed's values live in columns the run then overwrites (the refusal <c>reason</c> becomes the run's
/// latest reason, the planned window becomes <c>next_window</c>), and its plan text is read only by the dashboard's
/// cluster page, so a row could not give the seed back. What they do share is the cluster's assignment (site, stage,
/// runbook, inventory, zone, windows, parameters), written once from the seed and never changed.
/// </summary>
internal sealed record ClusterRow(
    string Cluster,
    string Site,
    int StageIndex,
    string? Runbook,
    string InventoryPath,
    string TimeZone,
    IReadOnlyList<string> Windows,
    IReadOnlyDictionary<string, string> Parameters,
    ClusterRunState State,
    string? RunId,
    string? CurrentStep,
    string? NodesJson,
    DateTimeOffset? NextWindow,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Reason,
    int Epoch,
    string? Holder,
    int Attempts);
