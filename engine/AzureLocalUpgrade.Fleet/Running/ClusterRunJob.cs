using Quartz;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// One cluster's run as a Quartz job: durable (it outlives its triggers), recoverable (a node that dies mid-run has
/// it fired again on another node of the same site), never executing twice at once for one cluster
/// (<see cref="DisallowConcurrentExecutionAttribute"/>, and the engine's run lock with its fencing epoch beneath).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ClusterRunJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runtime = (FleetRuntime)context.Scheduler.Context[FleetSchedulerFactory.RuntimeKey]!;
        var data = context.JobDetail.JobDataMap;
        var fleetId = data.GetString(FleetJobKeys.FleetKey)!;
        var cluster = data.GetString(FleetJobKeys.ClusterKey)!;
        var recovering = context.Recovering;
        while (true)
        {
            try
            {
                await new ClusterExecution(runtime, context.Scheduler).ExecuteAsync(fleetId, cluster, recovering, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (DatabaseOutage.Is(error) && !cancellationToken.IsCancellationRequested)
            {
                // The fleet database went away under this execution (a restart, a network cut). Ending the job here
                // would consume its trigger and leave the cluster's row queued or running with nothing to fire it
                // again, so the job keeps its thread and tries again once the database answers; every step of an
                // execution is safe to repeat (a new epoch, then the run resumed from its journal).
                await Task.Delay(runtime.StoreRetry, cancellationToken).ConfigureAwait(false);
                recovering = true;
            }
        }
    }
}
