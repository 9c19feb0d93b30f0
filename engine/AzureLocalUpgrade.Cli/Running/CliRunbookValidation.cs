using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// <see cref="RunbookValidation.LoadAndValidate(string)"/> as every command calls it: with <see cref="ParseCache"/>,
/// which the alu process sets to the user's cache so unchanged scripts are not re-parsed on every invocation.
/// </summary>
public static class CliRunbookValidation
{
    /// <summary>Null (every script parsed) unless Program sets it; in-process tests leave it null.</summary>
    public static ScriptParseCache? ParseCache { get; set; }

    public static ValidationResult LoadAndValidate(string path) =>
        RunbookValidation.LoadAndValidate(path, LoadLimits.Default, ParseCache);
}
