using AzureLocalUpgrade.Engine.Execution.Approvals;

namespace AzureLocalUpgrade.Engine.Execution;

/// <param name="FailedCheckBeforeChange">An error check failed while no PowerShell step had started: a precondition failure.</param>
internal sealed record StepRunResult(
    StepStatus Status,
    int Attempts,
    TimeSpan Duration,
    string? Message,
    bool FailedCheckBeforeChange = false,
    RunWarning? Warning = null,
    ApprovalRecord? Approval = null);
