using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>A step seen during a walk, with what its place implies.</summary>
/// <param name="Siblings">The list the step belongs to (for needs and ordering).</param>
/// <param name="InsideForEach">The step runs once per node (it is inside, or is the onFailure of, a forEach group).</param>
public sealed record StepVisit(StepDefinition Step, IReadOnlyList<StepDefinition> Siblings, bool InsideForEach);
