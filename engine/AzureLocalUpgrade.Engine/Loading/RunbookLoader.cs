using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Schema;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Loads a runbook and, recursively, the fragments it imports: YAML with limits, apiVersion, JSON Schema, then the
/// typed model. Fragments are cached by full path (a diamond loads once) and an import cycle is refused by name.
/// </summary>
public sealed class RunbookLoader(DiagnosticBag bag, LoadLimits? limits = null)
{
    public static readonly IReadOnlyList<string> SupportedApiVersions = ["azurelocal.upgrade/v1"];

    private readonly Dictionary<string, Runbook?> _loaded = new(StringComparer.Ordinal);
    private readonly List<string> _inProgress = [];

    /// <summary>Every document loaded so far (the root and its fragments), by full path.</summary>
    public IReadOnlyDictionary<string, Runbook?> Documents => _loaded;

    /// <summary>Loads the file at <paramref name="path"/>; null when it cannot be used at all (diagnostics say why).</summary>
    public Runbook? Load(string path) => LoadDocument(Path.GetFullPath(path), referencedFrom: null);

    private Runbook? LoadDocument(string fullPath, SourceSpan? referencedFrom)
    {
        if (_loaded.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        _inProgress.Add(fullPath);
        var runbook = ReadOne(fullPath, referencedFrom);
        if (runbook is not null)
        {
            runbook = runbook with { Imports = runbook.Imports.Select(Resolve).ToList() };
        }

        _inProgress.RemoveAt(_inProgress.Count - 1);
        _loaded[fullPath] = runbook;
        return runbook;
    }

    private Runbook? ReadOne(string fullPath, SourceSpan? referencedFrom)
    {
        return AluDocument.Load(fullPath, SchemaCatalog.RunbookV1, bag, limits, referencedFrom) is { } document
            ? RunbookReader.Read(document.Source, document.Map, bag)
            : null;
    }

    private ImportDefinition Resolve(ImportDefinition import)
    {
        var cycleStart = _inProgress.IndexOf(import.ResolvedPath);
        if (cycleStart >= 0)
        {
            var chain = _inProgress.Skip(cycleStart).Append(import.ResolvedPath).Select(Path.GetFileName).OfType<string>();
            bag.Add(DiagnosticCatalog.ImportCycle(import.Span, chain));
            return import;
        }

        if (!File.Exists(import.ResolvedPath))
        {
            bag.Add(DiagnosticCatalog.ImportNotFound(import.Span, import.FragmentPath, import.ResolvedPath));
            return import;
        }

        var fragment = LoadDocument(import.ResolvedPath, import.Span);
        if (fragment is not null && fragment.Kind != RunbookKind.Fragment)
        {
            bag.Add(DiagnosticCatalog.ImportNotFragment(import.Span, import.FragmentPath, fragment.Kind.ToString()));
            return import;
        }

        return import with { Fragment = fragment };
    }
}
