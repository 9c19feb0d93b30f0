namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <param name="Detail">The last run-finished summary, or what the run is doing.</param>
public sealed record RunSummary(
    string RunId,
    string Cluster,
    string Runbook,
    DateTimeOffset StartedAt,
    DateTimeOffset LastRecordAt,
    RunState State,
    int? ExitCode,
    string? Detail);
