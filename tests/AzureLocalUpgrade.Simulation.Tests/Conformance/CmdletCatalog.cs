using System.Text.Json;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Conformance;

/// <summary>One parameter set membership of a catalogued parameter (schemas/cmdlets/README.md).</summary>
internal sealed record CatalogSetEntry(string Set, int? Position, bool Mandatory);

/// <summary>A catalogued parameter: what Microsoft's reference says about it.</summary>
internal sealed record CatalogParameter(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string>? AcceptedValues, IReadOnlyList<CatalogSetEntry> Sets);

/// <summary>A catalogued command with the file and page it is recorded from.</summary>
internal sealed record CatalogCommand(string Name, string File, string Page, IReadOnlyList<CatalogParameter> Parameters, IReadOnlyList<string> Outputs)
{
    /// <summary>Where a failure message sends the reader: the catalog file and the reference page.</summary>
    public string Citation => $"schemas/cmdlets/{File}, page {Page}";

    public CatalogParameter? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Reads every catalog file under schemas/cmdlets/ once.</summary>
internal static class CmdletCatalog
{
    /// <summary>The name an output gets when the reference names no type for it (README: &lt;Command&gt;#output).</summary>
    public const string UndocumentedOutputMarker = "#output";

    private static readonly Lazy<IReadOnlyDictionary<string, CatalogCommand>> Commands = new(Load);

    public static IReadOnlyDictionary<string, CatalogCommand> All => Commands.Value;

    private static IReadOnlyDictionary<string, CatalogCommand> Load()
    {
        var folder = Path.Combine(Samples.RepositoryFolder("schemas"), "cmdlets");
        var commands = new Dictionary<string, CatalogCommand>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var command in document.RootElement.GetProperty("commands").EnumerateArray())
            {
                var entry = ReadCommand(command, Path.GetFileName(path));
                commands.Add(entry.Name, entry);
            }
        }

        return commands;
    }

    private static CatalogCommand ReadCommand(JsonElement command, string file) => new(
        command.GetProperty("name").GetString()!,
        file,
        command.GetProperty("source").GetString()!,
        [.. command.GetProperty("parameters").EnumerateArray().Select(ReadParameter)],
        Strings(command.GetProperty("outputs")));

    private static CatalogParameter ReadParameter(JsonElement parameter) => new(
        parameter.GetProperty("name").GetString()!,
        Strings(parameter.GetProperty("aliases")),
        parameter.GetProperty("acceptedValues").ValueKind == JsonValueKind.Null ? null : Strings(parameter.GetProperty("acceptedValues")),
        [.. parameter.GetProperty("sets").EnumerateArray().Select(s => new CatalogSetEntry(
            s.GetProperty("set").GetString()!,
            s.GetProperty("position").ValueKind == JsonValueKind.Null ? null : s.GetProperty("position").GetInt32(),
            s.GetProperty("mandatory").GetBoolean()))]);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
