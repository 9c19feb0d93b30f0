namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>The ClusterResult of a CAU report.</summary>
public sealed record CauClusterResult(
    string Name,
    Guid RunId,
    DateTimeOffset StartTimestamp,
    string Status,
    TimeSpan RunDuration,
    string? ErrorRecordData,
    IReadOnlyList<CauNodeResult> NodeResults);
