namespace AzureLocalUpgrade.Engine.Execution;

public enum PauseReason
{
    None,

    /// <summary>A manual gate needs an approval (<c>alu resume RUN --approve GATE</c>).</summary>
    Gate,

    /// <summary>An interrupted step is not safe to re-run (<c>--retry STEP</c> or <c>--skip STEP</c>).</summary>
    Decision,

    /// <summary>Stopped by cancellation; the run keeps its claim on the cluster.</summary>
    Cancelled,

    /// <summary>The next disruptive group does not fit in what is left of the maintenance window.</summary>
    Window,
}
