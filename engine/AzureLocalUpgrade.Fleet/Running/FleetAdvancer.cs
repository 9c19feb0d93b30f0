using System.Globalization;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using Quartz;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// The stage machine of one fleet, run inside the fleet's advance job (one execution at a time across nodes):
/// release clusters of the current stage within its limits, and when the stage is over, apply its failure budget,
/// its soak (a trigger at stage end + soak), its health check and its approval gate, then start the next stage.
/// </summary>
/// <remarks>
/// Hand-written on top of Quartz, and why: Quartz's execution limits are one static set per node, while a fleet's
/// limits (at most N at once per stage, M per site) change from stage to stage and must count clusters across all
/// workers; the release decision therefore reads the fleet tables, and what it releases is an ordinary Quartz
/// trigger that Quartz routes (execution group = site), persists, fires and recovers.
/// </remarks>
internal sealed class FleetAdvancer(FleetRuntime runtime, IScheduler scheduler)
{
    private FleetStore Store => runtime.Store;

    public async Task AdvanceAsync(string fleetId, CancellationToken cancellationToken)
    {
        // A few passes at most: a stage with nothing to run (all refused, no soak, no gate) moves straight on.
        for (var pass = 0; pass < 64; pass++)
        {
            if (await Store.GetSnapshotAsync(fleetId, cancellationToken).ConfigureAwait(false) is not { } snapshot)
            {
                return;
            }

            var (fleet, stages, clusters) = snapshot;
            if (!await StepAsync(fleet, stages, clusters, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <returns>True when the fleet moved to another stage and should be looked at again at once.</returns>
    private async Task<bool> StepAsync(FleetRow fleet, IReadOnlyList<StageRow> stages, IReadOnlyList<ClusterRow> clusters, CancellationToken ct)
    {
        if (fleet.State is not (FleetRunState.Running or FleetRunState.PausedAtGate))
        {
            if (fleet.State is FleetRunState.Succeeded or FleetRunState.Failed)
            {
                await FleetTriggers.StopHeartbeatAsync(scheduler, fleet.FleetId, ct).ConfigureAwait(false);
            }

            return false;
        }

        if (fleet.CurrentStage >= stages.Count)
        {
            await FinishAsync(fleet, clusters, ct).ConfigureAwait(false);
            return false;
        }

        var stage = stages[fleet.CurrentStage];
        var members = clusters.Where(c => c.StageIndex == stage.Index).ToList();
        switch (stage.State)
        {
            case StageState.Waiting:
                await Store.SetStageStateAsync(fleet.FleetId, stage.Index, StageState.Running, null, ct).ConfigureAwait(false);
                await Event(fleet, FleetEventKinds.StageStarted, $"stage {stage.Plan.Name} started: {members.Count} clusters, at most {stage.Plan.MaxConcurrent} at once"
                    + (stage.Plan.MaxConcurrentPerSite is { } perSite ? $", {perSite} per site" : ""), ct).ConfigureAwait(false);
                return true;
            case StageState.Running:
                return await RunStageAsync(fleet, stage, members, ct).ConfigureAwait(false);
            case StageState.Soaking:
                if (stage.SoakUntil is { } until && runtime.Now < until)
                {
                    return false; // the soak's own trigger (and the heartbeat) come back then
                }

                return await AfterSoakAsync(fleet, stage, members, ct).ConfigureAwait(false);
            case StageState.AwaitingApproval:
                if (stage.ApprovedBy is null)
                {
                    return false;
                }

                return await CompleteStageAsync(fleet, stage, ct).ConfigureAwait(false);
            case StageState.Done:
                await Store.SetCurrentStageAsync(fleet.FleetId, stage.Index + 1, ct).ConfigureAwait(false);
                return true;
            default:
                return false; // Halted: `alu fleet resume` sets it running again
        }
    }

    private async Task<bool> RunStageAsync(FleetRow fleet, StageRow stage, List<ClusterRow> members, CancellationToken ct)
    {
        var failed = members.Count(c => c.State == ClusterRunState.Failed);
        if (failed > stage.Plan.AllowedFailures)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"stage {stage.Plan.Name}: {failed} of {members.Count} clusters failed, its failure budget allows {stage.Plan.AllowedFailures} ({string.Join(", ", members.Where(c => c.State == ClusterRunState.Failed).Select(c => c.Cluster))}); fix them and run alu fleet resume");
            await HaltAsync(fleet, stage, reason, ct).ConfigureAwait(false);
            return false;
        }

        if (members.All(c => c.State is ClusterRunState.Done or ClusterRunState.Failed or ClusterRunState.Refused))
        {
            if (stage.Plan.Soak > TimeSpan.Zero)
            {
                // Virtual time (an all-simulated fleet): nothing of the fleet runs during a soak, so its end comes at once.
                var until = runtime.Now + FleetRunSeed.WallTimeOf(stage.Plan.Soak, fleet.TimeScale);
                await Store.SetStageStateAsync(fleet.FleetId, stage.Index, StageState.Soaking, until, ct).ConfigureAwait(false);
                await Event(fleet, FleetEventKinds.StageSoaking, double.IsPositiveInfinity(fleet.TimeScale)
                    ? $"stage {stage.Plan.Name} finished; soaking {stage.Plan.Soak} of virtual time (simulated clusters: no wall time)"
                    : $"stage {stage.Plan.Name} finished; soaking {stage.Plan.Soak} until {until:HH:mm:ss} UTC", ct).ConfigureAwait(false);
                await FleetTriggers.ScheduleAdvanceAsync(scheduler, fleet.FleetId, until, ct).ConfigureAwait(false);
                return false;
            }

            return await AfterSoakAsync(fleet, stage, members, ct).ConfigureAwait(false);
        }

        if (fleet.State == FleetRunState.Running)
        {
            await ReleaseAsync(fleet, stage, members, ct).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Releases waiting clusters in file order while the stage's and each site's limits allow.</summary>
    private async Task ReleaseAsync(FleetRow fleet, StageRow stage, List<ClusterRow> members, CancellationToken ct)
    {
        static bool Active(ClusterRow c) => c.State is ClusterRunState.Queued or ClusterRunState.Running or ClusterRunState.InWindow or ClusterRunState.PausedAtGate;
        var active = members.Count(Active);
        var perSite = members.Where(Active).GroupBy(c => c.Site, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var cluster in members.Where(c => c.State == ClusterRunState.Waiting))
        {
            if (active >= stage.Plan.MaxConcurrent)
            {
                break;
            }

            var atSite = perSite.GetValueOrDefault(cluster.Site);
            if (stage.Plan.MaxConcurrentPerSite is { } siteLimit && atSite >= siteLimit)
            {
                continue;
            }

            // Trigger first, then the row: a crash in between leaves a trigger whose job takes the still-waiting
            // cluster (never a queued cluster without a trigger). The job may also have begun already (the trigger
            // fired at once), so the cluster counts as active whether or not the row was still waiting.
            await FleetTriggers.ScheduleClusterAsync(scheduler, fleet.FleetId, cluster.Cluster, cluster.Site, runtime.Now, ct).ConfigureAwait(false);
            active++;
            perSite[cluster.Site] = atSite + 1;
            await Store.QueueClusterAsync(fleet.FleetId, cluster.Cluster, ct).ConfigureAwait(false);
            await Store.AppendEventAsync(fleet.FleetId, cluster.Cluster, FleetEventKinds.ClusterQueued, $"{cluster.Cluster} released by stage {stage.Plan.Name} (site {cluster.Site})", runtime.Now, ct).ConfigureAwait(false);
        }
    }

    private async Task<bool> AfterSoakAsync(FleetRow fleet, StageRow stage, List<ClusterRow> members, CancellationToken ct)
    {
        if (stage.Plan.NoDegradedClusters && FleetHealthCheck.Degraded(runtime.Runner.StateDirectory, members) is { Count: > 0 } degraded)
        {
            await HaltAsync(fleet, stage, $"stage {stage.Plan.Name}: the fleet health check found degraded clusters after the soak: {string.Join("; ", degraded)}; fix them and run alu fleet resume", ct).ConfigureAwait(false);
            return false;
        }

        if (stage.Plan.ApprovalRequired && stage.ApprovedBy is null)
        {
            await Store.SetStageStateAsync(fleet.FleetId, stage.Index, StageState.AwaitingApproval, null, ct).ConfigureAwait(false);
            await Store.SetFleetStateAsync(fleet.FleetId, FleetRunState.PausedAtGate, null, null, ct).ConfigureAwait(false);
            await Event(fleet, FleetEventKinds.StageAwaitingApproval, $"stage {stage.Plan.Name} done; the gate after it waits for approval: alu fleet approve {fleet.FleetId} --stage {stage.Plan.Name}", ct).ConfigureAwait(false);
            return false;
        }

        return await CompleteStageAsync(fleet, stage, ct).ConfigureAwait(false);
    }

    private async Task<bool> CompleteStageAsync(FleetRow fleet, StageRow stage, CancellationToken ct)
    {
        await Store.SetStageStateAsync(fleet.FleetId, stage.Index, StageState.Done, null, ct).ConfigureAwait(false);
        if (fleet.State == FleetRunState.PausedAtGate)
        {
            await Store.SetFleetStateAsync(fleet.FleetId, FleetRunState.Running, null, null, ct).ConfigureAwait(false);
        }

        await Store.SetCurrentStageAsync(fleet.FleetId, stage.Index + 1, ct).ConfigureAwait(false);
        await Event(fleet, FleetEventKinds.StageDone, $"stage {stage.Plan.Name} done", ct).ConfigureAwait(false);
        return true;
    }

    private async Task HaltAsync(FleetRow fleet, StageRow stage, string reason, CancellationToken ct)
    {
        await Store.SetStageStateAsync(fleet.FleetId, stage.Index, StageState.Halted, null, ct).ConfigureAwait(false);
        await Store.SetFleetStateAsync(fleet.FleetId, FleetRunState.Halted, reason, null, ct).ConfigureAwait(false);
        await Event(fleet, FleetEventKinds.FleetHalted, reason, ct).ConfigureAwait(false);
    }

    private async Task FinishAsync(FleetRow fleet, IReadOnlyList<ClusterRow> clusters, CancellationToken ct)
    {
        var failed = clusters.Count(c => c.State == ClusterRunState.Failed);
        var done = clusters.Count(c => c.State == ClusterRunState.Done);
        var refused = clusters.Count(c => c.State == ClusterRunState.Refused);
        var state = failed == 0 ? FleetRunState.Succeeded : FleetRunState.Failed;
        await Store.SetFleetStateAsync(fleet.FleetId, state, null, runtime.Now, ct).ConfigureAwait(false);
        await Event(fleet, state == FleetRunState.Succeeded ? FleetEventKinds.FleetSucceeded : FleetEventKinds.FleetFailed,
            string.Create(CultureInfo.InvariantCulture, $"fleet {fleet.FleetName} finished: {done} upgraded, {failed} failed within budget, {refused} refused"), ct).ConfigureAwait(false);
        await FleetTriggers.StopHeartbeatAsync(scheduler, fleet.FleetId, ct).ConfigureAwait(false);
    }

    private Task Event(FleetRow fleet, string kind, string message, CancellationToken ct) =>
        Store.AppendEventAsync(fleet.FleetId, null, kind, message, runtime.Now, ct);
}
