namespace AzureLocalUpgrade.Engine.Execution;

public enum RunOutcome
{
    Succeeded,
    Failed,

    /// <summary>An error-severity check failed before the run changed anything (exit 5).</summary>
    PreconditionFailed,

    /// <summary>Resumable: waiting at a manual gate or for a decision about an interrupted step (exit 3).</summary>
    Paused,

    /// <summary>Resumable: stopped by SIGTERM/Ctrl+C (exit 130).</summary>
    Cancelled,
}
