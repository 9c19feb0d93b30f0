using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// A loaded and schema-checked runbook or fragment (apiVersion azurelocal.upgrade/v1).
/// For a fragment, <see cref="Parameters"/> holds its declared inputs.
/// Imports are resolved: each carries the loaded fragment document.
/// </summary>
public sealed record Runbook(
    string ApiVersion,
    RunbookKind Kind,
    RunbookMetadata Metadata,
    IReadOnlyList<ParameterDefinition> Parameters,
    IReadOnlyList<ImportDefinition> Imports,
    IReadOnlyList<StepDefinition> Steps,
    string FilePath,
    SourceSpan Span);
