using Quartz;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// The fleet's coordinator as a Quartz job: fired by its heartbeat trigger, by a soak's end trigger, and chained
/// from every cluster job that finishes. One execution at a time across all nodes, so stage decisions are never
/// made twice at once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class FleetAdvanceJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runtime = (FleetRuntime)context.Scheduler.Context[FleetSchedulerFactory.RuntimeKey]!;
        var fleetId = context.JobDetail.JobDataMap.GetString(FleetJobKeys.FleetKey)!;
        await new FleetAdvancer(runtime, context.Scheduler).AdvanceAsync(fleetId, cancellationToken).ConfigureAwait(false);
    }
}
