using System.Globalization;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using Quartz;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// One firing of a cluster job: take the cluster under a new epoch, run it with the single-cluster engine, record
/// the result under that epoch (a holder fenced out meanwhile records nothing), then chain to the fleet's advance
/// job. A window pause or a busy lock schedules the cluster's next firing as a Quartz trigger.
/// </summary>
internal sealed class ClusterExecution(FleetRuntime runtime, IScheduler scheduler)
{
    private FleetStore Store => runtime.Store;

    public async Task ExecuteAsync(string fleetId, string cluster, bool recovering, CancellationToken cancellationToken)
    {
        // Quartz's pool has threads beyond --max-concurrent for the fleet's own jobs (advance, heartbeat); a cluster
        // job that got one of those waits here for a run slot, so at most --max-concurrent clusters run at once. The
        // fleet's state is read after the wait: a stop or halt meanwhile is seen.
        await runtime.ClusterRunSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteInSlotAsync(fleetId, cluster, recovering, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            runtime.ClusterRunSlots.Release();
        }
    }

    private async Task ExecuteInSlotAsync(string fleetId, string cluster, bool recovering, CancellationToken cancellationToken)
    {
        var snapshot = await Store.GetSnapshotAsync(fleetId, cancellationToken).ConfigureAwait(false);
        if (snapshot is not { } s || s.Clusters.FirstOrDefault(c => c.Cluster == cluster) is not { } row)
        {
            return;
        }

        if (s.Fleet.State is not (FleetRunState.Running or FleetRunState.PausedAtGate) && row.State is ClusterRunState.Queued or ClusterRunState.Waiting)
        {
            // Released before a stop or a halt: it goes back to waiting, and `alu fleet resume` releases it again.
            await Store.UnqueueAsync(fleetId, cluster, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await Store.BeginClusterAsync(fleetId, cluster, runtime.InstanceId, runtime.Now, cancellationToken).ConfigureAwait(false) is not { } epoch)
        {
            return; // finished already, or never released: nothing to run
        }

        await Store.AppendEventAsync(fleetId, cluster, FleetEventKinds.ClusterStarted,
            string.Create(CultureInfo.InvariantCulture, $"{cluster} started on {runtime.InstanceId} (site {row.Site}, epoch {epoch}{(recovering ? ", recovering after a node failure" : "")})"),
            runtime.Now, cancellationToken).ConfigureAwait(false);

        var sink = new ProgressSink(Store, fleetId, cluster, epoch);
        var work = new ClusterWork(fleetId, cluster, row.Runbook!, row.InventoryPath, row.Parameters, row.TimeZone, row.Windows, row.RunId);
        ClusterRunResult result;
        try
        {
            result = await runtime.Runner.RunAsync(work, sink, cancellationToken, opening => Store.AppendEventAsync(fleetId, cluster, FleetEventKinds.ClusterWaitingForWindow,
                $"{cluster} waits for its window opening at {opening:yyyy-MM-dd HH:mm} UTC (virtual time; continues at once)", runtime.Now, cancellationToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = new ClusterRunResult(ClusterRunKind.Interrupted, sink.RunId, "the worker shut down; resumable", null, null);
        }

        await RecordAsync(fleetId, cluster, row.Site, epoch, result with { RunId = result.RunId ?? sink.RunId }, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(string fleetId, string cluster, string site, int epoch, ClusterRunResult result, CancellationToken cancellationToken)
    {
        var (state, kind, message) = result.Kind switch
        {
            ClusterRunKind.Succeeded => (ClusterRunState.Done, FleetEventKinds.ClusterSucceeded, $"{cluster} upgraded (run {result.RunId})"),
            ClusterRunKind.WaitingForWindow => (ClusterRunState.InWindow, FleetEventKinds.ClusterWaitingForWindow, $"{cluster} waits for its window opening at {result.NextWindow:yyyy-MM-dd HH:mm} UTC"),
            ClusterRunKind.NeedsPerson => (ClusterRunState.PausedAtGate, FleetEventKinds.ClusterPaused, $"{cluster} paused: {result.Reason}"),
            ClusterRunKind.Interrupted or ClusterRunKind.LockHeld => (ClusterRunState.Queued, FleetEventKinds.ClusterQueued, $"{cluster} queued again: {result.Reason}"),
            ClusterRunKind.StoreUnavailable => (ClusterRunState.Queued, FleetEventKinds.ClusterQueued,
                string.Create(CultureInfo.InvariantCulture, $"{cluster} queued again, not failed: its run store was unreachable, so the run stopped writing and resumes from its journal in {runtime.StoreRetry.TotalSeconds:0} s ({result.Reason})")),
            _ => (ClusterRunState.Failed, FleetEventKinds.ClusterFailed, $"{cluster} failed: {result.Reason}"),
        };
        var outcome = new ClusterOutcome(state, result.RunId, state == ClusterRunState.Done ? null : result.Reason, result.ReportMarkdown, result.NextWindow);
        // Cancellation no longer applies: the result of a run that happened must be recorded.
        if (!await Store.FinishClusterAsync(fleetId, cluster, epoch, outcome, runtime.Now, CancellationToken.None).ConfigureAwait(false))
        {
            await Store.AppendEventAsync(fleetId, cluster, FleetEventKinds.ClusterFenced,
                string.Create(CultureInfo.InvariantCulture, $"{cluster}: the result of epoch {epoch} on {runtime.InstanceId} was not recorded; a newer execution holds the cluster"),
                runtime.Now, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await Store.AppendEventAsync(fleetId, cluster, kind, message, runtime.Now, CancellationToken.None).ConfigureAwait(false);
        if (state is ClusterRunState.InWindow or ClusterRunState.Queued)
        {
            var at = result.Kind switch
            {
                ClusterRunKind.LockHeld => runtime.Now + runtime.LockRetry,
                ClusterRunKind.StoreUnavailable => runtime.Now + runtime.StoreRetry,
                _ => result.FireAgainAt ?? runtime.Now,
            };
            await FleetTriggers.ScheduleClusterAsync(scheduler, fleetId, cluster, site, at, CancellationToken.None).ConfigureAwait(false);
        }

        if (result.Kind != ClusterRunKind.Interrupted)
        {
            // Job chaining: the stage may now release the next cluster, or be finished.
            await FleetTriggers.FireAdvanceAsync(scheduler, fleetId, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
