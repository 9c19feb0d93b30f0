using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// The outcome of loading and validating a runbook. <see cref="Runbook"/> is null only when nothing usable was read
/// (missing file, broken YAML, unknown apiVersion); with errors present it may be partial and must not be compiled.
/// </summary>
public sealed record ValidationResult(Runbook? Runbook, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The runbook when it is fit to compile: loaded and free of errors.</summary>
    public Runbook? ValidRunbook => HasErrors ? null : Runbook;
}
