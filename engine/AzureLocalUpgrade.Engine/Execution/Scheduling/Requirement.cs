using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>One entry of a step's <c>needs</c>: another step, or a whole group (all its node instances for a forEach group).</summary>
internal sealed record Requirement(string Id, GraphGroup? Group);
