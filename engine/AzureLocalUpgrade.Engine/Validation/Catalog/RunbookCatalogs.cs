using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// The catalog a runbook's scripts are checked against: the shipped catalog plus every file that the runbook or one
/// of its fragments declares in <c>metadata.catalogs</c>. Declared files are always read and checked (they are small
/// and their problems must be reported every time); the merged catalog is built only when a script needs it.
/// </summary>
public sealed class RunbookCatalogs
{
    private readonly IReadOnlyList<CatalogFile> _declared;
    private readonly DiagnosticBag _bag;
    private CmdletCatalog? _merged;

    private RunbookCatalogs(IReadOnlyList<CatalogFile> declared, string digest, DiagnosticBag bag)
    {
        _declared = declared;
        Digest = digest;
        _bag = bag;
    }

    /// <summary>SHA-256 over the content of every catalog file in use: part of every catalog-check cache key.</summary>
    public string Digest { get; }

    /// <summary>The merged catalog (duplicates reported to the bag given to <see cref="For"/> when first built).</summary>
    public CmdletCatalog Catalog => _merged ??= new CmdletCatalog(ShippedCatalog.Parsed.Concat(_declared), _bag);

    /// <summary>Reads the files <paramref name="root"/> and its fragments declare; problems go to <paramref name="bag"/>.</summary>
    public static RunbookCatalogs For(Runbook root, DiagnosticBag bag, LoadLimits limits)
    {
        var declared = new List<CatalogFile>();
        var digestParts = new List<string> { ShippedCatalog.Digest };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in StepTraversal.Documents(root))
        {
            foreach (var reference in document.Metadata.Catalogs ?? [])
            {
                if (!seen.Add(reference.ResolvedPath))
                {
                    continue;
                }

                if (!File.Exists(reference.ResolvedPath))
                {
                    bag.Add(DiagnosticCatalog.CatalogNotFound(reference.Span, reference.Path, reference.ResolvedPath));
                    continue;
                }

                if (YamlSourceLoader.Load(reference.ResolvedPath, bag, limits, reference.Span) is not { } source)
                {
                    continue;
                }

                digestParts.Add(reference.ResolvedPath);
                digestParts.Add(string.Join('\n', source.Lines));
                if (new CatalogFileReader(source, bag).Read() is { } file)
                {
                    declared.Add(file);
                }
            }
        }

        return new RunbookCatalogs(declared, CleanContentCache.KeyOf([.. digestParts]), bag);
    }

    /// <summary>Exactly these files, without the shipped catalog (tests); never shares a cache key with another set.</summary>
    public static RunbookCatalogs Of(IReadOnlyList<CatalogFile> files, DiagnosticBag bag) =>
        new(files, Guid.NewGuid().ToString("N"), bag) { _merged = new CmdletCatalog(files, bag) };
}
