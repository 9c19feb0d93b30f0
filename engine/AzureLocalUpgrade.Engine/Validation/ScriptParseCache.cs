using System.Management.Automation.Language;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// Skips the PowerShell parser for script texts it already accepted without error: its first use in a fresh process
/// costs tens of milliseconds of type loading (docs/performance.md). Keys are the exact script text; the cache file is
/// named after the System.Management.Automation version the engine was built against. See <see cref="CleanContentCache"/>.
/// </summary>
public sealed class ScriptParseCache(CleanContentCache clean)
{
    /// <summary>The current user's cache, or null when caching is disabled (<see cref="CleanContentCache.DisableVariable"/>).</summary>
    public static ScriptParseCache? ForCurrentUser() =>
        CleanContentCache.UserDirectory() is { } directory ? In(directory) : null;

    /// <summary>A cache kept in <paramref name="directory"/>.</summary>
    public static ScriptParseCache In(string directory) =>
        new(new CleanContentCache(directory, $"script-parse-{ReferencedVersion("System.Management.Automation")}"));

    /// <summary>True when this exact text is known to parse clean (no PowerShell type is touched).</summary>
    public bool IsKnownClean(string script) => clean.IsClean(CleanContentCache.KeyOf(script));

    /// <summary>Parses <paramref name="script"/> unless this exact text is known to parse clean; returns its errors.</summary>
    public IReadOnlyList<ParseError> Parse(string script)
    {
        var key = CleanContentCache.KeyOf(script);
        if (clean.IsClean(key))
        {
            return [];
        }

        Parser.ParseInput(script, out _, out var errors);
        if (errors.Length == 0)
        {
            clean.RememberClean(key);
        }

        return errors;
    }

    // Read from the engine's own metadata, so the assembly is not loaded just to learn its version.
    internal static string ReferencedVersion(string assembly) =>
        typeof(ScriptParseCache).Assembly.GetReferencedAssemblies()
            .FirstOrDefault(a => a.Name == assembly)?.Version?.ToString() ?? "unknown";
}
