using System.Text.Json;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Conformance;

/// <summary>One parameter set membership of a catalogued parameter (schemas/cmdlets/README.md).</summary>
internal sealed record CatalogSetEntry(string Set, int? Position, bool Mandatory);

/// <summary>What one docset's page says about a parameter.</summary>
internal sealed record CatalogParameterFacts(string Docset, IReadOnlyList<string> Aliases, IReadOnlyList<string>? AcceptedValues, IReadOnlyList<CatalogSetEntry> Sets);

/// <summary>
/// A catalogued parameter: the facts of the command's source page first, then those of each docset whose page
/// differs (byDocset, with the facts it does not restate taken from the source page).
/// </summary>
internal sealed record CatalogParameter(string Name, IReadOnlyList<CatalogParameterFacts> Variants)
{
    public CatalogParameterFacts Primary => Variants[0];
}

/// <summary>A catalogued command with the file and page it is recorded from.</summary>
internal sealed record CatalogCommand(
    string Name, string File, string Page, string? Requires, IReadOnlyList<CatalogParameter> Parameters, IReadOnlyList<string> Outputs)
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
        command.GetProperty("availability").GetProperty("requires").GetString(),
        [.. command.GetProperty("parameters").EnumerateArray().Select(ReadParameter)],
        Strings(command.GetProperty("outputs")));

    private static CatalogParameter ReadParameter(JsonElement parameter)
    {
        var primary = ReadFacts("source", parameter, null);
        var variants = new List<CatalogParameterFacts> { primary };
        if (parameter.TryGetProperty("byDocset", out var byDocset))
        {
            variants.AddRange(byDocset.EnumerateObject().Select(d => ReadFacts(d.Name, d.Value, primary)));
        }

        return new CatalogParameter(parameter.GetProperty("name").GetString()!, variants);
    }

    /// <summary>The facts in <paramref name="element"/>; those it leaves out come from <paramref name="inherited"/>.</summary>
    private static CatalogParameterFacts ReadFacts(string docset, JsonElement element, CatalogParameterFacts? inherited) => new(
        docset,
        element.TryGetProperty("aliases", out var aliases) ? Strings(aliases) : inherited!.Aliases,
        element.TryGetProperty("acceptedValues", out var values)
            ? (values.ValueKind == JsonValueKind.Null ? null : Strings(values))
            : inherited!.AcceptedValues,
        element.TryGetProperty("sets", out var sets) ? [.. sets.EnumerateArray().Select(ReadSet)] : inherited!.Sets);

    private static CatalogSetEntry ReadSet(JsonElement set) => new(
        set.GetProperty("set").GetString()!,
        set.GetProperty("position").ValueKind == JsonValueKind.Null ? null : set.GetProperty("position").GetInt32(),
        set.GetProperty("mandatory").GetBoolean());

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
