using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Model;

/// <summary>A runbook parameter or a fragment input. <see cref="Default"/> is already typed (string, long, bool, TimeSpan).</summary>
public sealed record ParameterDefinition(
    string Name,
    ParameterType Type,
    string? Description,
    object? Default,
    bool Required,
    IReadOnlyList<string> Enum,
    string? Pattern,
    SourceSpan Span,
    string? InventoryFact = null);
