namespace AzureLocalUpgrade.Simulation.Sessions;

/// <summary>
/// What a simulator cmdlet needs to know about its runspace: which cluster model, and which node it runs on
/// (null for the orchestrator). Exposed as the read-only session variable $AluSimulation.
/// </summary>
/// <param name="BootEpoch">The node's boot epoch when the session opened; a later restart breaks the session.</param>
public sealed record SimulationContext(SimulatedCluster Cluster, string? NodeName, long BootEpoch)
{
    public const string VariableName = "AluSimulation";

    public override string ToString() => NodeName is null ? $"simulated cluster {Cluster.Name} (orchestrator)" : $"simulated node {NodeName}";
}
