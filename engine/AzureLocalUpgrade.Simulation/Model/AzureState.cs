namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class AzureState
{
    public bool Registered { get; set; }

    /// <summary>SystemAssigned, or null when the resource has no identity.</summary>
    public string? Identity { get; set; }

    public DateTimeOffset? LastSync { get; set; }

    public bool SolutionDeployed { get; set; }
}
