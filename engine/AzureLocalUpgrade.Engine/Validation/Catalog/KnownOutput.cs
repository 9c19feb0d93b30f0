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

    /// <summary>What <paramref name="command"/> outputs, when every type it names is described in the catalog.</summary>
    public static KnownOutput? Of(CatalogCommand command, CmdletCatalog catalog)
    {
        if (command.Outputs.Count == 0)
        {
            return null;
        }

        var types = command.Outputs.Select(catalog.Type).ToList();
        return types.All(t => t is not null) ? new KnownOutput(command.Name, types!) : null;
    }
}
