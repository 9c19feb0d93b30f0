namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>Another run holds the cluster (CLI: exit 4, at once). <see cref="Holder"/> says who, for the JSON output.</summary>
public sealed class LockHeldException : Exception
{
    public LockHeldException(LockHolder holder)
        : base($"Cluster {holder.Cluster} is locked by {holder.Describe()}.") => Holder = holder;

    public LockHolder Holder { get; }
}
