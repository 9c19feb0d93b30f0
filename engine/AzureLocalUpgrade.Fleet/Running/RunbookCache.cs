using System.Collections.Concurrent;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// Each runbook of a fleet loaded and validated once per process, not once per cluster: 120 clusters share a
/// handful of runbooks, and validation (schema, script parsing) is most of a compile.
/// </summary>
internal sealed class RunbookCache
{
    private readonly ConcurrentDictionary<string, Lazy<ValidationResult>> _results = new(StringComparer.Ordinal);

    public ValidationResult LoadAndValidate(string path) =>
        _results.GetOrAdd(Path.GetFullPath(path), p => new Lazy<ValidationResult>(() => RunbookValidation.LoadAndValidate(p, LoadLimits.Default))).Value;
}
