namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// The built-in aliases of the core pipeline cmdlets that scripts commonly write (Get-Alias on a fresh Windows
/// PowerShell 5.1 and PowerShell 7 session), so <c>... | ? State -eq Up</c> is checked as Where-Object.
/// </summary>
public static class BuiltInAliases
{
    private static readonly Dictionary<string, string> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["?"] = "Where-Object",
        ["where"] = "Where-Object",
        ["%"] = "ForEach-Object",
        ["foreach"] = "ForEach-Object",
        ["select"] = "Select-Object",
        ["sort"] = "Sort-Object",
        ["group"] = "Group-Object",
        ["measure"] = "Measure-Object",
        ["gcm"] = "Get-Command",
    };

    /// <summary>The command an alias stands for, or the name itself.</summary>
    public static string Resolve(string name) => Targets.GetValueOrDefault(name, name);
}
