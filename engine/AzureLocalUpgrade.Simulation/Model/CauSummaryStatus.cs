namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>CAU report status (SummaryStatus enum) for the whole run and for each node.</summary>
public enum CauSummaryStatus
{
    Succeeded,
    PartiallyFailed,
    Failed,
    Canceled,
}
