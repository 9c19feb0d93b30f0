namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>One Updating Run: what Get-CauRun shows while it runs and Get-CauReport afterwards.</summary>
internal sealed class CauRunRecord
{
    public Guid RunId { get; set; }

    public string Plugin { get; set; } = "";

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Null while the run is in progress.</summary>
    public CauSummaryStatus? Status { get; set; }

    public string? Message { get; set; }

    public List<CauNodeResultRecord> NodeResults { get; set; } = [];
}
