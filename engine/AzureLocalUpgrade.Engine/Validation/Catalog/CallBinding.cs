using System.Management.Automation.Language;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>A parameter given by name, with the value written for it (null for a switch without <c>:value</c>).</summary>
public sealed record NamedArgument(CatalogParameter Parameter, CommandParameterAst Written, Ast? Value);

/// <summary>
/// How the arguments of one call line up with a catalog command before parameter sets are considered: the
/// parameters given by name, the positional arguments, and whether the call can be reasoned about at all.
/// </summary>
/// <param name="Complete">
/// False when something makes the binding unknowable (splatting, an unknown or ambiguous name, a missing value):
/// parameter-set checks are then skipped, so one mistake is reported once and not as a cascade.
/// </param>
/// <param name="TakesPipelineInput">The command is not first in its pipeline, so a parameter may bind from it.</param>
public sealed record CallBinding(
    CommandAst Call,
    CatalogCommand Command,
    IReadOnlyList<NamedArgument> Named,
    IReadOnlyList<CommandElementAst> Positional,
    bool Complete,
    bool TakesPipelineInput);
