namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// How long simulated things take, in virtual time. Microsoft's pages give words, not numbers, for most of these
/// (docs/cmdlet-surface.md, "How long simulated work takes", lists each with its page). Where no page gives a number the twin takes the shipped
/// runbooks' estimate for the same work, which is meant to hold on a real cluster: a twin faster than that would make
/// <c>alu plan --window</c> look pessimistic, and lowering the estimates to match would let a real window admit a node
/// group that cannot finish in it.
/// </summary>
public static class SimulationTimings
{
    /// <summary>
    /// A restart until the node is back in the cluster. No page gives a boot time; CAU waits 15 minutes by default
    /// (RebootTimeoutMinutes, cluster-aware-updating-options) before it gives a restarting node up. The runbooks
    /// estimate 10 minutes for a node to rejoin (restart-node.yaml), inside that bound.
    /// </summary>
    public static readonly TimeSpan Boot = TimeSpan.FromMinutes(10);

    /// <summary>Live-migrating a node's roles away: "this can take a few minutes" (azure-local/manage/maintain-servers.md); drain-node.yaml estimates 5.</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromMinutes(5);

    /// <summary>Moving the roles back on Resume-ClusterNode -Failback: "this can take a few minutes" (maintain-servers.md); return-node.yaml estimates 3.</summary>
    public static readonly TimeSpan Failback = TimeSpan.FromMinutes(3);

    /// <summary>
    /// setup.exe /auto upgrade staging the feature update (and CAU's install phase on a node). No Microsoft page gives a
    /// per-node duration (docs/cmdlet-surface.md); feature-update.yaml estimates 45 minutes.
    /// </summary>
    public static readonly TimeSpan SetupInstall = TimeSpan.FromMinutes(45);

    /// <summary>Installing the feature update through MSFT_WUOperations; with the scan, the 45 minutes of feature-update.yaml (no page gives a number).</summary>
    public static readonly TimeSpan WindowsUpdateInstall = TimeSpan.FromMinutes(43);

    public static readonly TimeSpan WindowsUpdateScan = TimeSpan.FromMinutes(2);
    /// <summary>Test-Cluster running its validation tests: no page gives a duration; the runbooks estimate 10 minutes (guards.yaml, finish.yaml).</summary>
    public static readonly TimeSpan ClusterValidation = TimeSpan.FromMinutes(10);

    /// <summary>Stop-Cluster with the VMs already shut down and the volumes offline: no page gives a time; the offline runbooks' stop-cluster estimates 2 minutes.</summary>
    public static readonly TimeSpan StopCluster = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Start-Cluster: "Give it a few minutes. Make sure the storage pool is healthy" (upgrade-22h2-to-23h2-other-methods,
    /// Method 2) covers the start and the pool together; the offline runbooks estimate 3 minutes for each.
    /// </summary>
    public static readonly TimeSpan StartCluster = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan MediaCopy = TimeSpan.FromMinutes(4);

    /// <summary>CAU gives up waiting for storage repair after this long and marks the node failed.</summary>
    public static readonly TimeSpan CauStorageRepairTimeout = TimeSpan.FromHours(4);

    /// <summary>
    /// Resync after a node returns: only what was written while it was away, throttled, "depending on how long the
    /// server was paused and how much new data was written, it may take many minutes" (maintain-servers.md). No number
    /// is given: half the absence, at least the 20 minutes return-node.yaml estimates and at most 3 hours (its
    /// timeout). A node that missed no writes (it left with the cluster stopped) only has the pool checked: 4 minutes.
    /// </summary>
    public static TimeSpan RepairDuration(TimeSpan away) =>
        away <= TimeSpan.Zero
            ? TimeSpan.FromMinutes(4)
            : TimeSpan.FromTicks(Math.Clamp(away.Ticks / 2, TimeSpan.FromMinutes(20).Ticks, TimeSpan.FromHours(3).Ticks));
}
