using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Validation.Catalog;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// The front end in one call, for the CLI and the compiler: load (with imports), JSON Schema, meaning, templates,
/// then the PowerShell parser, then every call against the cmdlet catalog. Every layer runs on whatever the earlier
/// ones could read, so one run reports all.
/// </summary>
public static class RunbookValidation
{
    public static ValidationResult LoadAndValidate(string path) => LoadAndValidate(path, LoadLimits.Default);

    public static ValidationResult LoadAndValidate(string path, LoadLimits limits) => LoadAndValidate(path, limits, null);

    /// <param name="parseCache">Scripts it knows parse clean are not parsed again (the CLI passes the user's cache).</param>
    public static ValidationResult LoadAndValidate(string path, LoadLimits limits, ScriptParseCache? parseCache)
    {
        var bag = new DiagnosticBag();
        var runbook = new RunbookLoader(bag, limits).Load(path);
        PhaseTimings.Mark("load + schema");
        if (runbook is not null)
        {
            SemanticValidator.Validate(runbook, bag);
            PhaseTimings.Mark("semantic + templates");
            ScriptSyntaxValidator.Validate(runbook, bag, parseCache);
            PhaseTimings.Mark("PowerShell parse");
            CheckCalls(runbook, limits, bag);
        }

        return new ValidationResult(runbook, bag.Sorted());
    }

    // Only with a shipped catalog: an engine built without one (schemas/cmdlets empty) has nothing to check against.
    private static void CheckCalls(Runbook runbook, LoadLimits limits, DiagnosticBag bag)
    {
        if (!ShippedCatalog.IsPresent)
        {
            return;
        }

        CatalogCheckValidator.Validate(runbook, RunbookCatalogs.For(runbook, bag, limits), bag);
        PhaseTimings.Mark("cmdlet catalog");
    }
}
