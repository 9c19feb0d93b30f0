namespace AzureLocalUpgrade.Engine.Execution.Health;

/// <summary>
/// The constant scripts the executor itself runs through the host (never runbook text, no parameters spliced in),
/// and the step ids it runs them under, so a journal or a test host can tell them from runbook steps.
/// Only commands from docs/cmdlet-surface.md are used.
/// </summary>
public static class ClusterHealthScripts
{
    public const string NodeStatesId = "alu:health/cluster-nodes";
    public const string StorageJobsId = "alu:health/storage-jobs";
    public const string VirtualDisksId = "alu:health/virtual-disks";

    /// <summary>
    /// One object per node with Name and State: structured values, never "name=state" text to split, so no name
    /// (whatever characters it holds) can be misread as another node or state.
    /// </summary>
    public const string NodeStates = "Get-ClusterNode | ForEach-Object { [pscustomobject]@{ Name = [string]$_.Name; State = [string]$_.State } }";

    /// <summary>One line per storage job still running; nothing when repair is done.</summary>
    public const string StorageJobs =
        "Get-StorageJob | Where-Object JobState -ne 'Completed' | ForEach-Object { '{0} {1} {2}%' -f $_.Name, $_.JobState, $_.PercentComplete }";

    /// <summary>One line per virtual disk that is not Healthy; nothing when all are.</summary>
    public const string VirtualDisks =
        "Get-VirtualDisk | Where-Object HealthStatus -ne 'Healthy' | ForEach-Object { '{0} {1}' -f $_.FriendlyName, $_.HealthStatus }";
}
