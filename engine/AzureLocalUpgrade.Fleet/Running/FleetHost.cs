using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using Quartz;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// One process's part in running fleets: its Quartz scheduler node over the fleet database, and the operations
/// the fleet commands need (submit a fleet, wait for it, stop, resume). <c>alu fleet run</c> is one embedded host
/// that runs everything; <c>alu fleet worker</c> is a host serving some sites of a clustered PostgreSQL store.
/// </summary>
internal sealed class FleetHost : IAsyncDisposable
{
    private readonly IScheduler _scheduler;

    private FleetHost(IScheduler scheduler, FleetRuntime runtime)
    {
        _scheduler = scheduler;
        Runtime = runtime;
    }

    public FleetRuntime Runtime { get; }

    public FleetStore Store => Runtime.Store;

    public IScheduler Scheduler => _scheduler;

    /// <param name="start">False for a client that only schedules (start, approve): it never executes jobs.</param>
    /// <param name="runStore">Where cluster runs keep claims, journals and reports; null: files under the state folder.</param>
    public static async Task<FleetHost> OpenAsync(FleetDatabase database, FleetSchedulerOptions options, string stateDirectory, bool start, CancellationToken cancellationToken, IRunStore? runStore = null)
    {
        var store = new FleetStore(database);
        var runtime = new FleetRuntime(store, new ClusterRunner(stateDirectory, new RunbookCache(), runStore), options.InstanceId, TimeProvider.System)
        {
            ClusterRunSlots = new SemaphoreSlim(options.MaxConcurrentClusterRuns),
        };
        var scheduler = await FleetSchedulerFactory.CreateAsync(database, options, runtime, cancellationToken).ConfigureAwait(false);
        if (start)
        {
            await scheduler.Start(cancellationToken).ConfigureAwait(false);
        }

        return new FleetHost(scheduler, runtime);
    }

    /// <summary>
    /// Records the fleet run (unless the store has it already: then it continues) and makes sure its Quartz jobs
    /// and heartbeat exist. Safe to call again after a crash: every step is idempotent.
    /// </summary>
    /// <returns>True when a new run was recorded; false when an existing one continues.</returns>
    public async Task<bool> SubmitAsync(FleetRunSeed seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var created = await Store.SeedAsync(seed, Runtime.Now, cancellationToken).ConfigureAwait(false);
        var advance = JobBuilder.Create<FleetAdvanceJob>()
            .WithIdentity(FleetJobKeys.Advance(seed.FleetId))
            .UsingJobData(FleetJobKeys.FleetKey, seed.FleetId)
            .StoreDurably()
            .Build();
        await AddIfMissingAsync(advance, cancellationToken).ConfigureAwait(false);
        foreach (var cluster in seed.Clusters.Where(c => c.StageIndex >= 0))
        {
            var job = JobBuilder.Create<ClusterRunJob>()
                .WithIdentity(FleetJobKeys.Cluster(seed.FleetId, cluster.Name))
                .WithDescription($"{cluster.Name} (site {cluster.Site})")
                .UsingJobData(FleetJobKeys.FleetKey, seed.FleetId)
                .UsingJobData(FleetJobKeys.ClusterKey, cluster.Name)
                .StoreDurably()
                .RequestRecovery()
                .Build();
            await AddIfMissingAsync(job, cancellationToken).ConfigureAwait(false);
        }

        await FleetTriggers.EnsureHeartbeatAsync(_scheduler, seed.FleetId, Runtime.Heartbeat, cancellationToken).ConfigureAwait(false);
        await FleetTriggers.FireAdvanceAsync(_scheduler, seed.FleetId, cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>Polls the store until the fleet ends, halts, stops or waits at a gate (<paramref name="untilGate"/>).</summary>
    public async Task<FleetRow> WaitAsync(string fleetId, bool untilGate, Action<FleetEvent>? onEvent, CancellationToken cancellationToken)
    {
        long seen = 0;
        while (true)
        {
            foreach (var e in await Store.GetEventsAsync(fleetId, null, seen, cancellationToken).ConfigureAwait(false))
            {
                seen = e.Sequence;
                onEvent?.Invoke(e);
            }

            var fleet = await Store.GetFleetAsync(fleetId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"fleet {fleetId} vanished from the store");
            if (fleet.State is FleetRunState.Succeeded or FleetRunState.Failed or FleetRunState.Halted or FleetRunState.Stopped
                || (untilGate && fleet.State == FleetRunState.PausedAtGate))
            {
                foreach (var e in await Store.GetEventsAsync(fleetId, null, seen, cancellationToken).ConfigureAwait(false))
                {
                    seen = e.Sequence;
                    onEvent?.Invoke(e);
                }

                return fleet;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Running cluster jobs are cancelled: each records its cluster as queued again and its run stays resumable.
        await _scheduler.Shutdown(waitForJobsToComplete: true).ConfigureAwait(false);
    }

    private async Task AddIfMissingAsync(IJobDetail job, CancellationToken cancellationToken)
    {
        if (!await _scheduler.Exists(job.Key, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await _scheduler.AddJob(job, default, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another worker added it between the check and here; the stored one is the same job.
            }
        }
    }
}
