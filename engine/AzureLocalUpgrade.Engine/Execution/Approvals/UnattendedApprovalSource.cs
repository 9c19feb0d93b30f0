namespace AzureLocalUpgrade.Engine.Execution.Approvals;

/// <summary>Nobody is there to ask: every gate that is not pre-approved pauses the run.</summary>
public sealed class UnattendedApprovalSource : IApprovalSource
{
    public static readonly UnattendedApprovalSource Instance = new();

    public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApprovalDecision.NotAvailable);
}
