using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Graph;

/// <summary>
/// A resolved target: the orchestrator, or one named node. An orchestrator target inside <c>forEach: node</c> still
/// names the node it acts for (<c>Restart-Computer -ComputerName $Node</c> from outside the node): scripts get it as
/// $Node and change tags name it, but the session is the orchestrator's.
/// </summary>
public sealed record StepTarget(TargetKind Kind, string? Node)
{
    public static readonly StepTarget Orchestrator = new(TargetKind.Orchestrator, null);

    public static StepTarget OnNode(string node) => new(TargetKind.Node, node);

    public static StepTarget OrchestratorFor(string node) => new(TargetKind.Orchestrator, node);

    /// <summary>The node whose session runs the script, or null for the orchestrator's own session.</summary>
    public string? SessionNode => Kind == TargetKind.Orchestrator ? null : Node;

    public override string ToString() => SessionNode is null ? "orchestrator" : $"node {Node}";
}
