using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// <c>imports: [{ as: alias, fragment: relative/path.yaml, with: {...} }]</c>.
/// Steps call it with <c>use: alias</c>; <see cref="With"/> gives default inputs the call can override.
/// </summary>
public sealed record ImportDefinition(
    string Alias,
    string FragmentPath,
    string ResolvedPath,
    IReadOnlyDictionary<string, TemplateValue> With,
    Runbook? Fragment,
    SourceSpan Span);
