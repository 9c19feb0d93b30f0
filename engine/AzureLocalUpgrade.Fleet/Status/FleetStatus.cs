namespace AzureLocalUpgrade.Fleet.Status;

/// <summary>What a fleet run looks like now: what `alu fleet status`, the dashboard and the fleet report read.</summary>
/// <param name="HaltReason">Why the fleet stopped before its end (failure budget spent, health check failed, stop).</param>
internal sealed record FleetStatus(
    string FleetId,
    string FleetName,
    FleetRunState State,
    string? HaltReason,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<StageStatus> Stages);

internal enum FleetRunState { Running, PausedAtGate, Halted, Stopped, Succeeded, Failed }

internal sealed record StageStatus(string Name, StageState State, GateStatus? Gate, IReadOnlyList<ClusterRunStatus> Clusters);

internal enum StageState { Waiting, Running, Soaking, AwaitingApproval, Done, Halted }

/// <summary>An approval gate after a stage; ApprovedBy/At are set once a signed-in operator approved it.</summary>
internal sealed record GateStatus(string Stage, bool Required, string? ApprovedBy, DateTimeOffset? ApprovedAt);

/// <param name="NextWindow">The window opening the cluster starts in (the fleet plan's calendar) or waits for.</param>
/// <param name="Eta">When the cluster is expected to finish: the plan's expected end until it runs, then the run's
/// clock plus the critical path of its remaining steps (see <paramref name="EtaIsVirtualTime"/>).</param>
/// <param name="StepsDone">Steps of its compiled graph finished (succeeded or skipped); 0 before it runs.</param>
/// <param name="StepsTotal">Steps of its compiled graph that can run (compile-time pruned ones not counted).</param>
/// <param name="EtaIsVirtualTime">The ETA is on the simulator's virtual clock, not wall time.</param>
/// <param name="TimeZone">The cluster's own zone (its windows are in it), for showing local times.</param>
internal sealed record ClusterRunStatus(
    string Cluster,
    string Site,
    string? Runbook,
    ClusterRunState State,
    string? RunId,
    string? CurrentStep,
    IReadOnlyList<NodeProgress> Nodes,
    DateTimeOffset? NextWindow,
    DateTimeOffset? Eta,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Reason,
    int StepsDone = 0,
    int StepsTotal = 0,
    bool EtaIsVirtualTime = false,
    string? TimeZone = null);

/// <summary>Refused: the fleet plan found no runbook for it (stretch, solution deployed, ...); Reason says which.
/// Queued: its stage released it and its Quartz trigger waits for a worker of its site.</summary>
internal enum ClusterRunState { Waiting, InWindow, Running, PausedAtGate, Failed, Done, Refused, Queued }

/// <summary>One node of a running cluster: where it is (see <c>NodePhase</c>), its steps done of its own steps.</summary>
/// <param name="State">waiting, done, failed, or the phase of the step it runs now (draining, updating, restarting, ...).</param>
/// <param name="Step">The id of the step it runs now (or ran last), null before its first.</param>
/// <param name="Build">Its OS build when known (the simulator reports it; a real cluster's is not polled).</param>
internal sealed record NodeProgress(string Node, string State, int StepsDone, int StepsTotal, string? Step = null, string? Build = null);

/// <summary>One fleet event (JSON line for schedulers and monitoring; also the dashboard's event list).</summary>
internal sealed record FleetEvent(long Sequence, DateTimeOffset At, string FleetId, string? Cluster, string Kind, string Message);

internal sealed record FleetSummary(string FleetId, string FleetName, FleetRunState State, DateTimeOffset StartedAt);

/// <summary>
/// The fleet store as readers and approvers see it, whatever holds it (the embedded SQLite file or PostgreSQL).
/// The dashboard, `alu fleet status/approve` and the fleet report use only this.
/// </summary>
internal interface IFleetStatusStore
{
    Task<IReadOnlyList<FleetSummary>> ListFleetsAsync(CancellationToken cancellationToken);

    Task<FleetStatus?> GetStatusAsync(string fleetId, CancellationToken cancellationToken);

    Task<IReadOnlyList<FleetEvent>> GetEventsAsync(string fleetId, string? cluster, long afterSequence, CancellationToken cancellationToken);

    /// <summary>The cluster's run report (Markdown), or null while it has none.</summary>
    Task<string?> GetClusterReportAsync(string fleetId, string cluster, CancellationToken cancellationToken);

    /// <summary>The cluster's plan summary (text) as the fleet plan computed it.</summary>
    Task<string?> GetClusterPlanAsync(string fleetId, string cluster, CancellationToken cancellationToken);

    /// <summary>Records who approved which stage gate and when; false when the gate is not awaiting approval.</summary>
    Task<bool> ApproveAsync(string fleetId, string stage, string approvedBy, DateTimeOffset at, CancellationToken cancellationToken);
}
