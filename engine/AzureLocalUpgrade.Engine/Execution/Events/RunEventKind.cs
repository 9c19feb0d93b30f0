namespace AzureLocalUpgrade.Engine.Execution.Events;

public enum RunEventKind
{
    RunStarted,
    StepStarted,
    StepAttemptFailed,
    StepFinished,
    StepSkipped,
    GateWaiting,
    GateApproved,
    HealthGateWaiting,
    Warning,
    GroupStopped,
    LeftoverChange,
    RunFinished,
}
