using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Templating;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>Where a list of steps is being compiled: id prefixes, enclosing group, template scope, imports in reach.</summary>
/// <param name="IdPrefix">Compiled id of the enclosing group instance (<c>rolling-update[n2]</c>) or empty at top level.</param>
/// <param name="SourcePrefix">The same without node expansion (<c>rolling-update</c>).</param>
/// <param name="InheritedSkip">The skip reason of an enclosing pruned group: every step inside is skipped too.</param>
internal sealed record CompilationScope(
    string IdPrefix,
    string SourcePrefix,
    string? GroupId,
    TemplateScope Template,
    IReadOnlyList<ImportDefinition> Imports,
    string? InheritedSkip)
{
    public string IdOf(string stepId) => IdPrefix.Length == 0 ? stepId : $"{IdPrefix}/{stepId}";

    public CompilationScope Inside(string groupId, string sourcePath, string? skip) =>
        this with { IdPrefix = groupId, SourcePrefix = sourcePath, GroupId = groupId, InheritedSkip = skip };
}
