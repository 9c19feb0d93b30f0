namespace AzureLocalUpgrade.Engine.Execution.Approvals;

/// <summary>
/// Answers manual gates. The CLI supplies an interactive one (a prompt on a terminal); unattended runs use
/// <see cref="UnattendedApprovalSource"/>, which never approves, so the run pauses at the gate (exit 3).
/// Gates approved ahead of time (<c>--approve GATE</c>) never reach the source.
/// </summary>
public interface IApprovalSource
{
    Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken);
}
