using System.Text.Json;
using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// The coverage tables of runbooks/README.md (the facts table and the per-seed tables), read as data: each row's fact,
/// step, test and catalog cells. Also what the repository holds to check the cells against: the test classes and their
/// methods (from the test sources) and the commands of schemas/cmdlets.
/// </summary>
internal sealed partial record CoverageRow(int Line, string Fact, string Steps, string Tests, string Catalog)
{
    /// <summary>A cell that names nothing: "—", which must say why in parentheses ("— (not checkable)").</summary>
    public static bool IsLeftOut(string cell) => cell.TrimStart().StartsWith('—');

    public static bool SaysWhy(string cell) => IsLeftOut(cell) && cell.Contains('(', StringComparison.Ordinal) && cell.Contains(')', StringComparison.Ordinal);

    /// <summary>The tests a cell names: `Class.Method`, `Class.*` (every test of the class) or `Class` alone.</summary>
    public IEnumerable<(string Class, string? Method)> NamedTests() =>
        TestName().Matches(Tests).Select(m => (m.Groups["class"].Value, m.Groups["method"].Success ? m.Groups["method"].Value : null));

    /// <summary>The commands a catalog cell names (Verb-Noun, or a native application such as setup.exe).</summary>
    public IEnumerable<string> NamedCommands() => CommandName().Matches(Catalog).Select(m => m.Value);

    /// <summary>The named tests that do not exist among <paramref name="classes"/> (a `Class.*` needs only the class).</summary>
    public IEnumerable<string> MissingTests(IReadOnlyDictionary<string, HashSet<string>> classes) =>
        NamedTests()
            .Where(t => !classes.TryGetValue(t.Class, out var methods) || (t.Method is { } m && m != "*" && !methods.Contains(m)))
            .Select(t => t.Method is null ? t.Class : $"{t.Class}.{t.Method}");

    /// <summary>The named commands the catalog does not describe.</summary>
    public IEnumerable<string> MissingCommands(IReadOnlySet<string> catalog) => NamedCommands().Where(c => !catalog.Contains(c));

    /// <summary>
    /// Every row of every table in the file that has a test and a catalog column: the facts table and the per-seed
    /// tables. The first column is the fact; the step column is "runbook steps" or "step(s)".
    /// </summary>
    public static IReadOnlyList<CoverageRow> Read(string readmePath)
    {
        var lines = File.ReadAllLines(readmePath);
        var rows = new List<CoverageRow>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|') || i + 1 >= lines.Length || !lines[i + 1].StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            var header = Cells(lines[i]);
            var steps = Array.FindIndex(header, h => h is "runbook steps" or "step(s)");
            var tests = Array.IndexOf(header, "test");
            var catalog = Array.IndexOf(header, "catalog");
            if (steps < 0 || tests < 0 || catalog < 0)
            {
                continue;
            }

            for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
            {
                var cells = Cells(lines[i]);
                if (cells.Length != header.Length)
                {
                    throw new InvalidOperationException($"runbooks/README.md:{i + 1}: a row has {cells.Length} cells, its table {header.Length} (a '|' inside a cell must be escaped).");
                }

                rows.Add(new CoverageRow(i + 1, cells[0], cells[steps], cells[tests], cells[catalog]));
            }
        }

        return rows;
    }

    /// <summary>A table line's cells; an escaped pipe (\|) stays inside its cell.</summary>
    private static string[] Cells(string line) =>
        [.. CellSeparator().Split(line.Trim().Trim('|')).Select(c => c.Trim())];

    /// <summary>Every test class under tests/ with the names of its methods (a partial class gathers all its files).</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> TestClasses(string testsFolder)
    {
        var classes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            var methods = MethodName().Matches(text).Select(m => m.Groups["name"].Value).ToList();
            foreach (Match declared in ClassName().Matches(text))
            {
                if (!classes.TryGetValue(declared.Groups["name"].Value, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    classes[declared.Groups["name"].Value] = set;
                }

                set.UnionWith(methods);
            }
        }

        return classes;
    }

    /// <summary>The name of every command in the catalog files.</summary>
    public static IReadOnlySet<string> CatalogCommands(string catalogFolder)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(catalogFolder, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var command in document.RootElement.GetProperty("commands").EnumerateArray())
            {
                names.Add(command.GetProperty("name").GetString()!);
            }
        }

        return names;
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"`(?<class>[A-Z]\w*Tests)(?:\.(?<method>\w+|\*))?")]
    private static partial Regex TestName();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*-[A-Z][A-Za-z]*\b|\bsetup\.exe\b")]
    private static partial Regex CommandName();

    [GeneratedRegex(@"\b(?:class|record)\s+(?<name>[A-Z]\w*Tests)\b")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"\b(?:void|Task)\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodName();
}
