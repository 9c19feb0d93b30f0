using System.Buffers;
using System.Text.Json;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Persistence;

/// <summary>
/// JSON form of the simulation state: indented, enums as names, so a person can read simulation.json. Written
/// through the compile-time metadata of <see cref="StateJsonContext"/>: a run serialises the whole state after every
/// change of the model to see whether it must be saved, and the generated writer does that without the reflection
/// serializer's per-property converter dispatch (docs/performance.md, fleets). The bytes are those the reflection
/// serializer wrote with the same options (StateSerializerTests).
/// </summary>
internal static class StateSerializer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = StateJsonContext.Default.Options.Encoder,
    };

    public static string Serialize(SimulationState state) => JsonSerializer.Serialize(state, StateJsonContext.Default.SimulationState);

    /// <summary>The same UTF-8 text as <see cref="Serialize(SimulationState)"/>, written into a reusable buffer.</summary>
    public static void Serialize(SimulationState state, IBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        JsonSerializer.Serialize(writer, state, StateJsonContext.Default.SimulationState);
    }

    public static SimulationState Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, StateJsonContext.Default.SimulationState)
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
