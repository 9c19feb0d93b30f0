using AzureLocalUpgrade.Fleet.Storage;
using Quartz;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// Builds the Quartz scheduler of one process over the fleet's database: the ADO.NET job store on SQLite
/// (embedded, one node) or PostgreSQL (clustered: every worker a node with its own instance id, a dead node's
/// recoverable jobs fired again by the others), Quartz's System.Text.Json serializer, and site routing by
/// execution group (a worker serves the groups of its sites, plus the ungrouped coordination triggers).
/// </summary>
internal static class FleetSchedulerFactory
{
    /// <summary>The key under which the scheduler context carries this process's <see cref="FleetRuntime"/>.</summary>
    public const string RuntimeKey = "alu.fleet.runtime";

    public static async Task<IScheduler> CreateAsync(FleetDatabase database, FleetSchedulerOptions options, FleetRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        await SchemaInstaller.EnsureAsync(database, cancellationToken).ConfigureAwait(false);
        var clustered = database.Dialect == SqlDialect.Postgres;
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "alu-fleet";
                s.InstanceId = options.InstanceId;
                s.IdleWaitTime = options.IdleWaitTime;
                if (options.Sites.Count > 0)
                {
                    s.ServedExecutionGroups.Add(FleetSchedulerOptions.UngroupedTriggers);
                    foreach (var site in options.Sites)
                    {
                        s.ServedExecutionGroups.Add(FleetSchedulerOptions.SiteGroup(site));
                    }
                }
            });
            q.UseDefaultThreadPool(options.MaxConcurrentClusterRuns + 2);
            q.UsePersistentStore(store =>
            {
                if (clustered)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.CheckinInterval;
                        c.CheckinMisfireThreshold = options.CheckinInterval * 2;
                    });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o => o.SchemaProvisioning = SchemaProvisioning.Validate);
            });
        }).BuildScheduler(cancellationToken).ConfigureAwait(false);
        scheduler.Context[RuntimeKey] = runtime;
        return scheduler;
    }
}
