namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>One parameter of a catalog command.</summary>
/// <param name="AcceptedValues">The only values PowerShell binds (ValidateSet or an enum), compared without case; null when any.</param>
/// <param name="Docsets">The docsets documenting it when fewer than the command's; null when it is in all of them.</param>
public sealed record CatalogParameter(
    string Name,
    string? Type,
    IReadOnlyList<string> Aliases,
    bool Switch,
    IReadOnlyList<string>? AcceptedValues,
    IReadOnlyList<string>? Docsets,
    IReadOnlyList<CatalogParameterSet> Sets)
{
    /// <summary>This parameter's place in <paramref name="set"/>, or null when it is not in that set.</summary>
    public CatalogParameterSet? In(string set) =>
        Sets.FirstOrDefault(s => string.Equals(s.Set, set, StringComparison.OrdinalIgnoreCase))
        ?? Sets.FirstOrDefault(s => s.Set == CatalogParameterSet.AllSets);
}

/// <summary>A parameter's membership in one parameter set.</summary>
/// <param name="Position">The positional slot, or null when the parameter must be named.</param>
public sealed record CatalogParameterSet(string Set, int? Position, bool Mandatory, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName)
{
    public const string AllSets = "__AllParameterSets";

    public bool TakesPipelineInput => ValueFromPipeline || ValueFromPipelineByPropertyName;
}
