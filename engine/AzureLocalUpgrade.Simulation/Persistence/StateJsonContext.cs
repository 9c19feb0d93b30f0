using System.Text.Json.Serialization;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Persistence;

/// <summary>
/// Compile-time JSON metadata for simulation.json, with the options the reflection serializer used (indented,
/// camelCase names, enums as names), so the bytes on disk are the same (PersistenceTests compares them).
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SimulationState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
