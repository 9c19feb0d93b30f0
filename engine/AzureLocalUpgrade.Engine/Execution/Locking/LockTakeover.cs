namespace AzureLocalUpgrade.Engine.Execution.Locking;

/// <summary>Audit of a claim taken over: whose it was and why it was safe to take (journalled by the coordinator).</summary>
public sealed record LockTakeover(LockHolder PreviousHolder, string Reason);
