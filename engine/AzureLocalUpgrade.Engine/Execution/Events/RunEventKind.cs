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

    /// <summary>A scheduler's <c>--continue</c> found this graph's run already finished: nothing was started.</summary>
    NothingToDo,
}
