namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>A run as <c>alu status</c> shows it.</summary>
public enum RunState
{
    /// <summary>Its process holds the cluster's lock and is alive.</summary>
    Running,

    /// <summary>Waiting at a gate, for a decision, or cancelled: resumable, and still holding the cluster.</summary>
    Paused,

    Succeeded,
    Failed,
    PreconditionFailed,

    /// <summary>The process died without finishing the journal: resume it.</summary>
    Interrupted,
}
