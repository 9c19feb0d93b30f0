using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Graph;

/// <summary>A resolved target: the orchestrator, or one named node.</summary>
public sealed record StepTarget(TargetKind Kind, string? Node)
{
    public static readonly StepTarget Orchestrator = new(TargetKind.Orchestrator, null);

    public static StepTarget OnNode(string node) => new(TargetKind.Node, node);

    public override string ToString() => Node is null ? "orchestrator" : $"node {Node}";
}
