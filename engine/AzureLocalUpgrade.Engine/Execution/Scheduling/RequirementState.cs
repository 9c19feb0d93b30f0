namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

internal enum RequirementState
{
    Met,
    Waiting,

    /// <summary>Can never be met: what it names failed or did not run.</summary>
    Broken,
}
