using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Model;

/// <param name="Method">cau | sconfig | offline | wac | post-upgrade | custom.</param>
/// <param name="Catalogs">Cmdlet catalog files this document adds to the shipped one (<c>metadata.catalogs</c>).</param>
public sealed record RunbookMetadata(
    string Name,
    string Version,
    string? Description,
    UpgradePath? Upgrade,
    string? Method,
    SourceSpan Span,
    IReadOnlyList<CatalogReference>? Catalogs = null);

/// <summary>One <c>metadata.catalogs</c> entry: the path as written and resolved against the document's folder.</summary>
public sealed record CatalogReference(string Path, string ResolvedPath, SourceSpan Span);

/// <param name="From">22H2 | 23H2 | 24H2.</param>
/// <param name="To">23H2 | 24H2.</param>
public sealed record UpgradePath(string From, string To);
