namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>The objects a pipeline or variable is known to hold: the command that made them and their catalog types.</summary>
public sealed record KnownOutput(string Command, IReadOnlyList<CatalogType> Types)
{
    // Members PowerShell gives every object or collection: .Count and .Length (also on scalars since 3.0), the
    // PSObject wrappers, and PSComputerName on objects returned through remoting.
    private static readonly HashSet<string> Intrinsic = new(StringComparer.OrdinalIgnoreCase)
    {
        "Count", "Length", "PSObject", "PSTypeNames", "PSComputerName", "PSShowComputerName", "RunspaceId",
    };

    public bool Has(string property) => Intrinsic.Contains(property) || Types.Any(t => t.Properties.Contains(property));

    public IEnumerable<string> Properties => Types.SelectMany(t => t.Properties).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// What <paramref name="command"/> outputs, or null when the catalog records no output. An output type without a
    /// <c>types</c> entry is one no script may read properties of (schemas/cmdlets/README.md): it has none here.
    /// </summary>
    /// <remarks>A PSCustomObject or PSObject output carries whatever members the command gives it: nothing can be judged.</remarks>
    public static KnownOutput? Of(CatalogCommand command, CmdletCatalog catalog) =>
        command.Outputs.Count == 0 || command.Outputs.Any(Dynamic.Contains)
            ? null
            : new KnownOutput(command.Name, [.. command.Outputs.Select(name => catalog.Type(name) ?? new CatalogType(name, NoProperties))]);

    private static readonly IReadOnlySet<string> NoProperties = new HashSet<string>();

    private static readonly HashSet<string> Dynamic = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Management.Automation.PSCustomObject", "System.Management.Automation.PSObject", "System.Object", "PSCustomObject", "PSObject",
    };
}
