namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>Audit of a claim taken over: whose it was and why it was safe to take (journalled by the coordinator).</summary>
/// <param name="PreviousHolder">The claim taken over; null when the lock file could not be read.</param>
/// <param name="HolderMayStillRun">True when the previous holder may still be running a step (its lease expired but
/// its process may be alive, or the claim was unreadable): the steps it had in flight have an unknown outcome.</param>
public sealed record LockTakeover(LockHolder? PreviousHolder, string Reason, bool HolderMayStillRun = false);
