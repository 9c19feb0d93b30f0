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
        await new ClusterExecution(runtime, context.Scheduler)
            .ExecuteAsync(data.GetString(FleetJobKeys.FleetKey)!, data.GetString(FleetJobKeys.ClusterKey)!, context.Recovering, cancellationToken)
            .ConfigureAwait(false);
    }
}
