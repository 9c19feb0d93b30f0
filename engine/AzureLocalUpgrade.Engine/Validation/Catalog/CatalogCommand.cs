using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>What a command is, which decides how much of a call to it can be checked (schemas/cmdlets/README.md).</summary>
public enum CatalogCommandKind
{
    Cmdlet,
    Function,

    /// <summary>A native executable: only its name is checked, never its arguments.</summary>
    Application,

    /// <summary>Provided by alu itself in every session (Write-AluLog).</summary>
    Alu,
}

/// <summary>One command of the cmdlet catalog, as Microsoft's reference describes it.</summary>
/// <param name="Requires">
/// Null when every Azure Local node with the module has it; otherwise what it needs (solution-deployed, az-signin,
/// module:NAME), and scripts must guard a call with <c>Get-Command</c>.
/// </param>
/// <param name="Docsets">The reference docsets documenting the command (winserver2022-ps, winserver2025-ps).</param>
/// <param name="CommonParameters">False for a native command or script without -ErrorAction and the rest.</param>
/// <param name="Span">Where the command is defined, for duplicate-definition diagnostics.</param>
public sealed record CatalogCommand(
    string Name,
    CatalogCommandKind Kind,
    string? Requires,
    IReadOnlyList<string> Docsets,
    bool CommonParameters,
    string? DefaultSet,
    IReadOnlyList<CatalogParameter> Parameters,
    IReadOnlyList<string> Outputs,
    SourceSpan Span)
{
    /// <summary>The named parameter sets (never <see cref="CatalogParameterSet.AllSets"/>); empty when there is one implicit set.</summary>
    public IReadOnlyList<string> SetNames { get; } =
        [.. Parameters.SelectMany(p => p.Sets).Select(s => s.Set).Where(s => s != CatalogParameterSet.AllSets)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}
