using System.Buffers;
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

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = Options.Encoder };

    public static string Serialize(SimulationState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>The same UTF-8 text as <see cref="Serialize(SimulationState)"/>, written into a reusable buffer.</summary>
    public static void Serialize(SimulationState state, IBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        JsonSerializer.Serialize(writer, state, Options);
    }

    public static SimulationState Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<SimulationState>(json, Options)
        ?? throw new InvalidDataException("The simulation state file is empty.");

    /// <summary>The state saved in <paramref name="file"/>; a damaged file is named, with the way out.</summary>
    /// <exception cref="SimulationStateUnusableException">The bytes are not a simulation state.</exception>
    public static SimulationState Deserialize(ReadOnlySpan<byte> json, string file)
    {
        try
        {
            return Deserialize(json);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new SimulationStateUnusableException(file, $"it is not a simulation state ({e.Message})", e);
        }
    }
}
