using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Templating;

/// <summary>
/// Renders the human text of a runbook and evaluates its compile-time <c>when</c> conditions.
/// Errors become positioned diagnostics in the YAML file; a failed render returns null.
/// </summary>
public interface ITemplateEngine
{
    /// <summary>Renders Scriban text; plain text without <c>{{</c> is returned unchanged.</summary>
    string? Render(EmbeddedText text, TemplateScope scope, DiagnosticBag diagnostics);

    /// <summary>Evaluates a condition written with or without <c>{{ }}</c>; null when it fails or is not a bool.</summary>
    bool? Evaluate(EmbeddedText condition, TemplateScope scope, DiagnosticBag diagnostics);
}
