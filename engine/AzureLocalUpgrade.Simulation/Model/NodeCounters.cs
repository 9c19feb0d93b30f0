namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>What happened to one node, kept for tests and status output.</summary>
internal sealed class NodeCounters
{
    public int Drains { get; set; }

    public int Reboots { get; set; }

    public int FeatureUpdatesApplied { get; set; }
}
