namespace AzureLocalUpgrade.Engine.Execution.Hosting;

public enum ScriptOutcome
{
    Succeeded,

    /// <summary>A terminating error or an error record (ErrorActionPreference is Stop).</summary>
    Failed,

    TimedOut,

    Cancelled,

    /// <summary>The target could not be reached within the reconnect timeout.</summary>
    Unreachable,
}
