namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class ScenarioState
{
    public string Name { get; set; } = "";

    /// <summary>Identity of the scenario file's content, so reopening with the same scenario keeps consumption.</summary>
    public string Fingerprint { get; set; } = "";

    public List<FaultState> Faults { get; set; } = [];
}
