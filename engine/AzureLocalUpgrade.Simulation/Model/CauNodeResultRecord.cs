namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class CauNodeResultRecord
{
    public string Node { get; set; } = "";

    public CauSummaryStatus Status { get; set; }

    public string? UpdateTitle { get; set; }

    public int Attempts { get; set; }

    public string? ErrorMessage { get; set; }

    public int SucceededUpdates { get; set; }

    public int FailedUpdates { get; set; }
}
