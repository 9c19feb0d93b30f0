namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

internal enum InstanceStatus
{
    Pending,

    /// <summary>Waiting for the cluster health gate before the node is taken down; counts as in flight.</summary>
    Gating,

    Running,
    Succeeded,
    Failed,

    /// <summary>The node was unhealthy before the run: not run, counted against the failure budget.</summary>
    Excluded,
}
