namespace AzureLocalUpgrade.Engine.Model;

/// <summary><c>use: alias</c> with <c>with:</c> inputs for the imported fragment.</summary>
public sealed record UseOptions(string Alias, IReadOnlyDictionary<string, TemplateValue> With);
