using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;

namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>
/// A run's claim on its cluster, renewed by a heartbeat while it runs. Journal writes under it are fenced
/// (<see cref="IJournalFence"/>): once another process took it over, <see cref="Lost"/> is true and every write is
/// refused with <see cref="ClaimLostException"/>. Disposing stops the heartbeat only; <see cref="Release"/> frees.
/// </summary>
public interface IRunClaim : IJournalFence, IDisposable
{
    LockHolder Holder { get; }

    /// <summary>The fencing token of this claim (<see cref="LockHolder.Epoch"/>).</summary>
    long Epoch { get; }

    /// <summary>Set when a stale or paused claim was taken over; journal it.</summary>
    LockTakeover? Takeover { get; }

    bool Lost { get; }

    /// <summary>Keeps the claim while the run waits (gate, decision, window, cancellation): no expiry, no heartbeat.</summary>
    void MarkPaused(string reason);

    /// <summary>Gives the cluster back; does nothing when the claim is no longer ours.</summary>
    void Release();
}
