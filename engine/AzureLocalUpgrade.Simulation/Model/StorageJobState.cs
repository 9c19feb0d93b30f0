namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>A storage repair job. It disappears from Get-StorageJob once complete.</summary>
internal sealed class StorageJobState
{
    public string Name { get; set; } = "Repair";

    public string? StartedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>stuck-storage-job fault: never completes, progress freezes.</summary>
    public bool Stuck { get; set; }

    public long BytesTotal { get; set; }

    public bool IsCompleteAt(DateTimeOffset now) => !Stuck && now >= StartedAt + Duration;

    public int PercentCompleteAt(DateTimeOffset now)
    {
        if (Stuck)
        {
            return 37;
        }

        var done = (now - StartedAt).TotalSeconds / Math.Max(1, Duration.TotalSeconds);
        return (int)Math.Clamp(done * 100, 0, 100);
    }
}
