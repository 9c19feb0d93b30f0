using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>One run per cluster: the claims of a store, each with a fencing epoch higher than any before it.</summary>
public interface IClaimStore
{
    /// <summary>Claims <paramref name="cluster"/> for <paramref name="runId"/>, taking over a stale or paused claim as <see cref="RunLock"/> does.</summary>
    /// <exception cref="LockHeldException">Another live or paused run holds the cluster.</exception>
    IRunClaim Acquire(string cluster, string runId, TimeProvider time, RunLockOptions? options = null);

    /// <summary>The current claim, or null when the cluster is free.</summary>
    LockHolder? Peek(string cluster);
}
