using Scriban.Parsing;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>A global variable a template reads, with the first field read from it (<c>params.x</c> → params, x).</summary>
internal sealed record TemplateVariableUse(string Variable, string? Field, TextPosition Position);
