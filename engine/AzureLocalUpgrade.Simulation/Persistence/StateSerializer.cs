using System.Text.Json;
using System.Text.Json.Serialization;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Persistence;

/// <summary>JSON form of the simulation state: indented, enums as names, so a person can read simulation.json.</summary>
internal static class StateSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(SimulationState state) => JsonSerializer.Serialize(state, Options);

    public static SimulationState Deserialize(string json) =>
        JsonSerializer.Deserialize<SimulationState>(json, Options)
        ?? throw new InvalidDataException("The simulation state file is empty.");
}
