using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// The catalog built from Microsoft's reference (schemas/cmdlets/*.json), embedded in the engine like the JSON
/// Schemas so validation never depends on the working directory. The texts are read on first use (they key the
/// validation cache); they are parsed only when a script actually has to be checked.
/// </summary>
public static class ShippedCatalog
{
    private const string Prefix = "schemas/cmdlets/";

    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Texts = new(ReadTexts);
    private static readonly Lazy<string> DigestValue = new(() =>
        CleanContentCache.KeyOf([.. Texts.Value.SelectMany(t => new[] { t.Name, t.Text })]));

    private static readonly Lazy<IReadOnlyList<CatalogFile>> Files = new(Parse);

    /// <summary>True when the engine was built with catalog files (the catalog checks run only then).</summary>
    public static bool IsPresent => Texts.Value.Count > 0;

    /// <summary>SHA-256 over every shipped catalog file's name and text.</summary>
    public static string Digest => DigestValue.Value;

    /// <summary>The shipped files, parsed once per process.</summary>
    public static IReadOnlyList<CatalogFile> Parsed => Files.Value;

    /// <summary>Problems in the shipped files themselves (an engine defect; a test keeps this empty).</summary>
    public static IReadOnlyList<Diagnostic> Problems { get; private set; } = [];

    private static IReadOnlyList<(string Name, string Text)> ReadTexts()
    {
        var assembly = typeof(ShippedCatalog).Assembly;
        var texts = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            texts.Add((name, reader.ReadToEnd()));
        }

        return texts;
    }

    private static IReadOnlyList<CatalogFile> Parse()
    {
        var bag = new DiagnosticBag();
        var files = new List<CatalogFile>();
        foreach (var (name, text) in Texts.Value)
        {
            if (JsonCatalogSource.Parse(name, text) is not { } source)
            {
                bag.Add(DiagnosticCatalog.CatalogInvalid(Text.SourceSpan.At(name, 1, 1), "the file is not JSON"));
            }
            else if (new CatalogFileReader(source, bag).Read() is { } file)
            {
                files.Add(file);
            }
        }

        Problems = bag.Items;
        return files;
    }
}
