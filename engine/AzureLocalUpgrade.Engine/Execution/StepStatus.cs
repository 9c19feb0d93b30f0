namespace AzureLocalUpgrade.Engine.Execution;

public enum StepStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,

    /// <summary>Pruned at compile time, its skipIf guard was true, or the operator decided to skip it.</summary>
    Skipped,

    /// <summary>Never started: what it needed failed, its group stopped, or the run stopped first.</summary>
    NotRun,

    /// <summary>A manual gate nobody has approved yet (the run paused there).</summary>
    WaitingForApproval,

    /// <summary>Stopped mid-flight by cancellation; a resume treats it like a crash (re-run only when safe).</summary>
    Interrupted,
}
