using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// What this process's Quartz jobs work with (carried in the scheduler context, never persisted): the fleet store,
/// the in-process single-cluster runner, this node's id, the wall clock.
/// </summary>
internal sealed class FleetRuntime(FleetStore store, ClusterRunner runner, string instanceId, TimeProvider wallClock)
{
    public FleetStore Store => store;

    public ClusterRunner Runner => runner;

    public string InstanceId => instanceId;

    public TimeProvider WallClock => wallClock;

    public DateTimeOffset Now => wallClock.GetUtcNow();

    /// <summary>How often the advance job re-reads a running fleet (approvals from the dashboard, soak ends, repairs).</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cluster runs this process may execute at once (<c>--max-concurrent</c>); unlimited unless set.</summary>
    public SemaphoreSlim ClusterRunSlots { get; init; } = new(int.MaxValue);

    /// <summary>How long a cluster whose run lock another live holder has waits before its job tries again.</summary>
    public TimeSpan LockRetry { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a cluster job waits before trying again after its database was unreachable: the run store past its
    /// reconnect budget (ALU7201), or the fleet tables themselves.
    /// </summary>
    public TimeSpan StoreRetry { get; init; } = TimeSpan.FromSeconds(5);
}
