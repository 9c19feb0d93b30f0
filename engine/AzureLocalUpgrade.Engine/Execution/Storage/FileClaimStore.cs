using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>Claims as lock files under <c>&lt;stateDir&gt;/locks/</c>: <see cref="RunLock"/>.</summary>
public sealed class FileClaimStore(string stateDirectory) : IClaimStore
{
    public IRunClaim Acquire(string cluster, string runId, TimeProvider time, RunLockOptions? options = null) =>
        RunLock.Acquire(stateDirectory, cluster, runId, time, options);

    public LockHolder? Peek(string cluster) => RunLock.Peek(stateDirectory, cluster);
}
