using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Reporting;

/// <summary>
/// What a fleet report says, computed once for both renderings: the fleet's status, each stage's span and counts,
/// the failures and the gates. A pure function of the store's content, so the same run gives the same report bytes.
/// </summary>
internal sealed record FleetReport(FleetStatus Fleet, IReadOnlyList<StageReport> Stages, IReadOnlyList<FleetEvent> FleetEvents)
{
    /// <summary>The report of a fleet run from the store, or null when the store has no such run.</summary>
    public static async Task<FleetReport?> LoadAsync(IFleetStatusStore store, string fleetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetStatusAsync(fleetId, cancellationToken).ConfigureAwait(false) is not { } status)
        {
            return null;
        }

        var events = await store.GetEventsAsync(fleetId, null, 0, cancellationToken).ConfigureAwait(false);
        return Build(status, events);
    }

    public static FleetReport Build(FleetStatus status, IReadOnlyList<FleetEvent> events)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(events);
        return new FleetReport(status, [.. status.Stages.Select(StageReport.Of)], [.. events.Where(e => e.Cluster is null).OrderBy(e => e.Sequence)]);
    }

    public IEnumerable<ClusterRunStatus> Clusters => Fleet.Stages.SelectMany(s => s.Clusters);

    public int Count(ClusterRunState state) => Clusters.Count(c => c.State == state);

    /// <summary>Every failed cluster with its stage, in stage order.</summary>
    public IEnumerable<(string Stage, ClusterRunStatus Cluster)> Failures =>
        Fleet.Stages.SelectMany(s => s.Clusters.Where(c => c.State == ClusterRunState.Failed).Select(c => (s.Name, c)));
}

/// <summary>One stage: its clusters, when its first cluster started and its last finished, and its gate.</summary>
internal sealed record StageReport(StageStatus Stage, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static StageReport Of(StageStatus stage)
    {
        var started = stage.Clusters.Select(c => c.StartedAt).Where(t => t is not null).Min();
        var ran = stage.Clusters.Where(c => c.State != ClusterRunState.Refused).ToList();
        // Finished only when every cluster that was to run has ended; until then the stage has no end time.
        var finished = ran.Count > 0 && ran.All(c => c.FinishedAt is not null && c.State is ClusterRunState.Done or ClusterRunState.Failed)
            ? ran.Max(c => c.FinishedAt)
            : null;
        return new StageReport(stage, started, finished);
    }

    public int Count(ClusterRunState state) => Stage.Clusters.Count(c => c.State == state);

    public string Duration => FleetWords.Duration(StartedAt, FinishedAt);

    public string GateText => Stage.Gate switch
    {
        null or { Required: false } => "none",
        { ApprovedBy: { } who } gate => $"approved by {who} at {FleetWords.Time(gate.ApprovedAt)}",
        _ when Stage.State == StageState.AwaitingApproval => "awaiting approval",
        _ => "approval needed after the stage",
    };
}
