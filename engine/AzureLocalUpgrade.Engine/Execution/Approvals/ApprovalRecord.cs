namespace AzureLocalUpgrade.Engine.Execution.Approvals;

/// <summary>An approval as journalled: who, when (execution clock), how (interactive | pre-approved | ...).</summary>
public sealed record ApprovalRecord(string GateId, string By, DateTimeOffset At, string How);
