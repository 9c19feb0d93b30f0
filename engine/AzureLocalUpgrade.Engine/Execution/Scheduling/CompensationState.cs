namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

internal enum CompensationState
{
    /// <summary>Waiting for the group's running steps (and inner compensations) to finish.</summary>
    Queued,
    Running,
    Done,
}
