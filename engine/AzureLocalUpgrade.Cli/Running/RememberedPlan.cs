using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// One <c>alu plan</c> request against the user's <see cref="PlanOutputCache"/>: print the remembered text if its files are
/// unchanged, else remember the text this run printed. Kept apart from the planning code so a hit runs none of it.
/// </summary>
public sealed class RememberedPlan
{
    private readonly PlanOutputCache _cache;
    private readonly string _key;
    private readonly string _runbookPath;
    private readonly string _clusterPath;
    private readonly string? _paramsPath;
    private readonly byte[]? _paramsBefore;

    private RememberedPlan(PlanOutputCache cache, string key, string runbookPath, string clusterPath, string? paramsPath)
    {
        _cache = cache;
        _key = key;
        _runbookPath = runbookPath;
        _clusterPath = clusterPath;
        _paramsPath = paramsPath;
        // Read before planning reads it: if it changes while the plan is built, the plan is not remembered.
        _paramsBefore = paramsPath is null ? null : ReadOrNull(paramsPath);
    }

    /// <summary>
    /// Null when there is no cache or the output is not a pure function of the files: <c>--out</c> writes a file
    /// and <c>--window</c> depends on the current time.
    /// </summary>
    /// <param name="cache">The user's cache (<see cref="PlanOutputCache.User"/>), or null.</param>
    /// <param name="runbookPath">Full paths, as the plan is built from them.</param>
    public static RememberedPlan? For(PlanOutputCache? cache, string workingDirectory, string format, string runbookPath, string clusterPath, string? paramsPath, IReadOnlyList<string> setArgs, bool hasOutFile, bool hasWindow)
    {
        if (cache is null || hasOutFile || hasWindow)
        {
            return null;
        }

        var key = PlanOutputCache.KeyOf(workingDirectory, format, runbookPath, clusterPath, paramsPath, setArgs);
        return new RememberedPlan(cache, key, runbookPath, clusterPath, paramsPath);
    }

    /// <summary>The remembered text, or null when it must be planned.</summary>
    public string? TryGet() => _cache.TryGet(_key);

    /// <summary>The remembered text as UTF-8 bytes (to copy to stdout as is), or null when it must be planned.</summary>
    public Stream? TryOpen() => _cache.TryOpen(_key);

    /// <summary>
    /// Remembers a clean plan's text with the bytes of every file it was built from: the graph's sources (runbook,
    /// fragments, inventory; kept only if they still hash to what was compiled), the params file, and alu's
    /// dependency manifest (package versions).
    /// </summary>
    /// <param name="sourceHashes">The graph's <c>SourceHashes</c>: runbook-relative paths and <see cref="SourceHasher.InventoryKey"/>.</param>
    public void Remember(IReadOnlyDictionary<string, string> sourceHashes, string text)
    {
        var runbookDirectory = Path.GetDirectoryName(_runbookPath) ?? "";
        var dependencies = new List<PlanOutputCache.Dependency>();
        foreach (var (path, hash) in sourceHashes)
        {
            var full = path == SourceHasher.InventoryKey ? _clusterPath : Path.GetFullPath(path, runbookDirectory);
            if (ReadOrNull(full) is not { } content || SourceHasher.HashBytes(content) != hash)
            {
                return;
            }

            dependencies.Add(new PlanOutputCache.Dependency(full, content));
        }

        if (_paramsPath is not null)
        {
            if (_paramsBefore is null || ReadOrNull(_paramsPath) is not { } after || !after.AsSpan().SequenceEqual(_paramsBefore))
            {
                return;
            }

            dependencies.Add(new PlanOutputCache.Dependency(_paramsPath, _paramsBefore));
        }

        // The runbook and the inventory are always read; a plan whose sources miss either is not checkable.
        if (!dependencies.Any(d => d.Path == _runbookPath) || !dependencies.Any(d => d.Path == _clusterPath))
        {
            return;
        }

        if ((AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(';')[0] is { Length: > 0 } manifest && ReadOrNull(manifest) is { } packages)
        {
            dependencies.Add(new PlanOutputCache.Dependency(manifest, packages));
        }

        _cache.Remember(_key, dependencies, text);
    }

    private static byte[]? ReadOrNull(string path)
    {
        return InputFile.Read(path, InputLimits.SavedPlan).Bytes;
    }
}
