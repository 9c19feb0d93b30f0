namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-StorageJob output.</summary>
public sealed record StorageJobInfo(
    string Name,
    string JobState,
    int PercentComplete,
    bool IsBackgroundTask,
    TimeSpan ElapsedTime,
    long BytesProcessed,
    long BytesTotal);
