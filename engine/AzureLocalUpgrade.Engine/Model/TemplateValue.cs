namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// A value written in YAML that may hold a Scriban template (<c>"{{ params.media }}"</c>).
/// <see cref="Literal"/> is the typed scalar when the text holds no template.
/// </summary>
public sealed record TemplateValue(EmbeddedText Text, object? Literal)
{
    public bool IsTemplate => Text.Value.Contains("{{", StringComparison.Ordinal);
}
