namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>How one process joins the fleet scheduler.</summary>
/// <param name="InstanceId">This node's id in the Quartz cluster (unique per worker; the embedded run uses one).</param>
/// <param name="Sites">The sites whose clusters this node runs; empty means every site (the embedded run).</param>
/// <param name="MaxConcurrentClusterRuns">Quartz thread pool size: cluster runs this process executes at once.</param>
internal sealed record FleetSchedulerOptions(
    string InstanceId,
    IReadOnlyList<string> Sites,
    int MaxConcurrentClusterRuns,
    TimeSpan CheckinInterval,
    TimeSpan IdleWaitTime)
{
    /// <summary>The execution group that carries a site's cluster triggers (Quartz routes a trigger by it).</summary>
    public static string SiteGroup(string site) => "site:" + site;

    /// <summary>The fleet's own coordination triggers (stage advance, soak) carry no execution group: any node runs them.</summary>
    public const string UngroupedTriggers = "_";

    public static FleetSchedulerOptions Embedded(int maxConcurrent) =>
        new("embedded", [], maxConcurrent, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));

    public static FleetSchedulerOptions Worker(string instanceId, IReadOnlyList<string> sites, int maxConcurrent) =>
        new(instanceId, sites, maxConcurrent, WorkerCheckinInterval(), TimeSpan.FromSeconds(1));

    /// <summary>
    /// For tests only: the Quartz cluster check-in interval of workers (duration text, e.g. <c>1s</c>). A worker that
    /// misses check-ins for twice this long is taken for dead and its cluster jobs are recovered by another worker of
    /// the site; a test that stalls a worker (SIGSTOP) shortens it, as <c>ALU_TEST_LOCK_LEASE</c> shortens the run lease.
    /// </summary>
    public const string TestCheckinVariable = "ALU_TEST_FLEET_CHECKIN";

    private static TimeSpan WorkerCheckinInterval() =>
        Engine.Text.DurationParser.TryParse(Environment.GetEnvironmentVariable(TestCheckinVariable), out var shortened) && shortened > TimeSpan.Zero
            ? shortened
            : TimeSpan.FromSeconds(2);
}
