namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>An output type and the properties scripts may read from it.</summary>
public sealed record CatalogType(string Name, IReadOnlySet<string> Properties);
