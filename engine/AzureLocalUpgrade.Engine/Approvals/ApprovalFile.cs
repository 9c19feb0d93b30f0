namespace AzureLocalUpgrade.Engine.Approvals;

/// <summary>
/// Approvals as data: a reviewed plan's hash, who approved it and which gates. A scheduled run given this file
/// needs nobody at a prompt; a file made for another plan (another hash) approves nothing.
/// </summary>
/// <param name="Gates">Gate ids (compiled ids, e.g. <c>secure-boot</c>, <c>post/raise-functional-level</c>) or <c>*</c> for all.</param>
public sealed record ApprovalFile(string PlanHash, string ApprovedBy, DateTimeOffset ApprovedAt, string? Ticket, IReadOnlyList<string> Gates, string Path)
{
    public bool Approves(string gateId) =>
        Gates.Any(g => g == "*" || string.Equals(g, gateId, StringComparison.Ordinal));

    /// <summary>How the journal and report describe the approval.</summary>
    public string Describe() => Ticket is null
        ? $"approval file {System.IO.Path.GetFileName(Path)} by {ApprovedBy}"
        : $"approval file {System.IO.Path.GetFileName(Path)} by {ApprovedBy} (ticket {Ticket})";
}
