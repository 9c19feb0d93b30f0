using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inputs;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Selection;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>
/// The runbooks a fleet plan draws on: the shipped catalog (scanned once) and every runbook loaded and validated
/// once, however many clusters use it. Validation is the expensive half of planning a cluster; with the cache a
/// 120-cluster fleet validates each of its few runbooks once and only compiles per cluster.
/// </summary>
internal sealed class RunbookLibrary(string runbooksFolder, ScriptParseCache? parseCache = null)
{
    private readonly Dictionary<string, ValidationResult> _validated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private IReadOnlyList<ShippedRunbook>? _catalog;

    public string Folder { get; } = Path.GetFullPath(runbooksFolder);

    /// <summary>The shipped upgrade runbooks (post-upgrade runbooks are not upgrades and never chosen for a fleet).</summary>
    public IReadOnlyList<ShippedRunbook> Catalog =>
        _catalog ??= Directory.Exists(Folder) ? [.. RunbookCatalog.Scan(Folder).Where(r => !r.IsPostUpgrade)] : [];

    /// <summary>The id of a runbook under the folder ("22h2-to-23h2/cau"), else null.</summary>
    public string? IdOf(string fullPath)
    {
        var relative = Path.GetRelativePath(Folder, fullPath).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : StripYaml(relative);
    }

    public string PathOfId(string id) => Path.GetFullPath(Path.Combine(Folder, id + ".yaml"));

    /// <summary>Loads and validates the runbook at <paramref name="fullPath"/> once; its diagnostics are reported the first time only.</summary>
    public ValidationResult Validated(string fullPath, DiagnosticBag bag)
    {
        if (!_validated.TryGetValue(fullPath, out var result))
        {
            result = RunbookValidation.LoadAndValidate(fullPath, LoadLimits.Default, parseCache);
            _validated[fullPath] = result;
            bag.AddRange(result.Diagnostics);
        }

        return result;
    }

    /// <summary>SHA-256 of a runbook file (its fragments are covered by each cluster's single-cluster plan hash).</summary>
    public string HashOf(string fullPath)
    {
        if (!_hashes.TryGetValue(fullPath, out var hash))
        {
            var read = InputFile.Read(fullPath, LoadLimits.Default.MaxFileBytes);
            hash = read.Succeeded ? SourceHasher.HashBytes(read.Bytes) : "";
            _hashes[fullPath] = hash;
        }

        return hash;
    }

    public static string StripYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? path[..^5] : path;
}
