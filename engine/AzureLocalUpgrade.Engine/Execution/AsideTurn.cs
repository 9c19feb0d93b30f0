namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// The turn that work gave up with <see cref="ExecutionClock.StepAside"/>: whoever stepped aside retakes it before it
/// touches anything shared again (the result of a pipeline, the journal, the session's liveness).
/// </summary>
public abstract class AsideTurn
{
    /// <summary>Completes when the work has its turn again (at once if it took the turn back meanwhile).</summary>
    public abstract Task RetakeAsync();
}
