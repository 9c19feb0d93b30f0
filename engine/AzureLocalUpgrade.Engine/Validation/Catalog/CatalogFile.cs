namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>What one catalog file defines (one PowerShell module, or a custom runbook's own commands).</summary>
public sealed record CatalogFile(string Path, IReadOnlyList<CatalogCommand> Commands, IReadOnlyDictionary<string, CatalogType> Types);
