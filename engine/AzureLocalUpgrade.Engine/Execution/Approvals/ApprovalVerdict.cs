namespace AzureLocalUpgrade.Engine.Execution.Approvals;

public enum ApprovalVerdict
{
    Approved,

    /// <summary>A person said no: the gate step fails.</summary>
    Rejected,

    /// <summary>Nobody can answer now (unattended): the run pauses, resumable.</summary>
    NotAvailable,
}
