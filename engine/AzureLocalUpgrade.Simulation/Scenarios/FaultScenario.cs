using System.Globalization;
using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Simulation.Scenarios;

/// <summary>A fault scenario file (samples/scenarios/*.yaml): things that go wrong in the simulated cluster.</summary>
public sealed record FaultScenario(string Name, string? Description, IReadOnlyList<Fault> Faults, string FilePath)
{
    /// <summary>Loads a scenario file. Bad YAML or unknown fields come back as positioned errors, never as exceptions.</summary>
    public static FaultScenarioLoadResult Load(string path) => FaultScenarioLoader.LoadFile(path);

    /// <summary>Parses scenario text; <paramref name="filePath"/> is used for positions only.</summary>
    public static FaultScenarioLoadResult Parse(string text, string filePath) => FaultScenarioLoader.Parse(text, filePath);

    /// <summary>A stable identity of the scenario's content, so reopening a cluster with the same scenario keeps its progress.</summary>
    internal string Fingerprint => string.Join(
        ";",
        Faults.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Kind}|{f.Node}|{f.Title}|{f.Preview}|{f.VmsPerNode}")).Prepend(Name));
}

/// <summary>The scenario, or the errors that kept it from loading.</summary>
public sealed record FaultScenarioLoadResult(FaultScenario? Scenario, IReadOnlyList<Diagnostic> Errors)
{
    public bool Succeeded => Scenario is not null && Errors.Count == 0;
}
