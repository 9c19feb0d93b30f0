using Quartz;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>The triggers a fleet uses, built in one place so their keys, groups and routing stay consistent.</summary>
internal static class FleetTriggers
{
    /// <summary>
    /// Above Quartz's default (5): when a pool thread frees up and both are due, the fleet's advance job (releases,
    /// gates, approvals) goes before a cluster job that would only wait for a run slot.
    /// </summary>
    private const int AdvancePriority = 10;

    /// <summary>A one-shot trigger for a cluster's job, routed to the workers of its site by execution group.</summary>
    public static async Task ScheduleClusterAsync(IScheduler scheduler, string fleetId, string cluster, string site, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"cluster:{cluster}:{Guid.NewGuid():N}", fleetId)
            .ForJob(FleetJobKeys.Cluster(fleetId, cluster))
            .WithExecutionGroup(FleetSchedulerOptions.SiteGroup(site))
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, default, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fires the fleet's advance job now (job chaining); queued behind a running one, never beside it.</summary>
    public static async Task FireAdvanceAsync(IScheduler scheduler, string fleetId, CancellationToken cancellationToken) =>
        await ScheduleAdvanceAsync(scheduler, fleetId, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);

    /// <summary>A one-shot advance at a given time: a soak's end.</summary>
    public static async Task ScheduleAdvanceAsync(IScheduler scheduler, string fleetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"advance:{Guid.NewGuid():N}", fleetId)
            .ForJob(FleetJobKeys.Advance(fleetId))
            .WithExecutionGroup(null)
            .WithPriority(AdvancePriority)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, default, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The repeating heartbeat of a running fleet (approvals arriving through the store, soak ends, repairs).</summary>
    public static async Task EnsureHeartbeatAsync(IScheduler scheduler, string fleetId, TimeSpan interval, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(FleetJobKeys.Heartbeat(fleetId))
            .ForJob(FleetJobKeys.Advance(fleetId))
            .WithExecutionGroup(null)
            .WithPriority(AdvancePriority)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).WithRepeatCount(-1).WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        // Keep: idempotent under the store's lock, so every node may ensure it and exactly one heartbeat exists.
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken).ConfigureAwait(false);
    }

    public static Task StopHeartbeatAsync(IScheduler scheduler, string fleetId, CancellationToken cancellationToken) =>
        scheduler.UnscheduleJob(FleetJobKeys.Heartbeat(fleetId), cancellationToken).AsTask();
}
