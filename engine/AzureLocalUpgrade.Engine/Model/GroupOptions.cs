namespace AzureLocalUpgrade.Engine.Model;

/// <param name="ForEachNode">True for <c>forEach: node</c>: the sub-steps are expanded once per cluster node.</param>
/// <param name="Disruptive">The group takes its node out of service (drain … resume); maintenance windows gate it.</param>
public sealed record GroupOptions(bool ForEachNode, Strategy Strategy, bool Disruptive, IReadOnlyList<StepDefinition> Steps);
