namespace AzureLocalUpgrade.Engine.Execution.Approvals;

/// <param name="By">Who answered (user name, ticket id...).</param>
/// <param name="How">interactive | file | ticket | ...: journalled with the approval.</param>
public sealed record ApprovalDecision(ApprovalVerdict Verdict, string? By, string? How, string? Comment)
{
    public static readonly ApprovalDecision NotAvailable = new(ApprovalVerdict.NotAvailable, null, null, null);

    public static ApprovalDecision Approve(string by, string how) => new(ApprovalVerdict.Approved, by, how, null);

    public static ApprovalDecision Reject(string by, string how, string? comment) => new(ApprovalVerdict.Rejected, by, how, comment);
}
