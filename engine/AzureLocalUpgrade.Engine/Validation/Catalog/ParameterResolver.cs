namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// Resolves a written parameter name the way PowerShell's binder does: without case, an exact name or alias first,
/// then a prefix that leads to exactly one parameter (a prefix of several names of the same parameter is fine).
/// </summary>
public static class ParameterResolver
{
    public readonly record struct Resolution(CatalogParameter? Parameter, IReadOnlyList<string> Ambiguous);

    /// <summary>The command's own parameters followed by the common parameters it takes.</summary>
    public static IEnumerable<CatalogParameter> Accepted(CatalogCommand command) =>
        command.CommonParameters ? command.Parameters.Concat(CommonParameters.All) : command.Parameters;

    public static Resolution Resolve(CatalogCommand command, string written)
    {
        var accepted = Accepted(command).ToList();
        var exact = accepted.FirstOrDefault(p => NamesOf(p).Any(n => string.Equals(n, written, StringComparison.OrdinalIgnoreCase)));
        if (exact is not null)
        {
            return new Resolution(exact, []);
        }

        var byPrefix = accepted.Where(p => NamesOf(p).Any(n => n.StartsWith(written, StringComparison.OrdinalIgnoreCase))).ToList();
        return byPrefix.Count switch
        {
            1 => new Resolution(byPrefix[0], []),
            0 => new Resolution(null, []),
            _ => new Resolution(null, [.. byPrefix.Select(p => p.Name)]),
        };
    }

    /// <summary>The nearest accepted name (parameters and aliases) to an unknown one.</summary>
    public static string? Suggest(CatalogCommand command, string written) =>
        Suggestions.Closest(written, Accepted(command).Select(p => p.Name));

    private static IEnumerable<string> NamesOf(CatalogParameter parameter) => parameter.Aliases.Prepend(parameter.Name);
}
