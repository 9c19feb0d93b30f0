namespace AzureLocalUpgrade.Engine.Execution.Approvals;

/// <param name="Instructions">What the person must do before approving (already rendered by the compiler).</param>
public sealed record ApprovalRequest(string RunId, string GateId, string DisplayName, string? Instructions, string Target);
