using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Graph;

/// <summary>
/// The compiled, immutable step graph: a pure function of runbook files, parameter values and inventory.
/// <see cref="Steps"/> is in a stable topological order (declaration order, then inventory order for nodes).
/// </summary>
/// <param name="Parameters">Resolved parameter values (typed; secrets as <see cref="SecretValue"/>), bound as $Params.</param>
/// <param name="SourceHashes">SHA-256 of every runbook and fragment file read, by path relative to the runbook, plus the inventory.</param>
public sealed record StepGraph(
    string RunbookName,
    string RunbookVersion,
    string? Method,
    UpgradePath? Upgrade,
    ClusterInventory Cluster,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyList<GraphStep> Steps,
    IReadOnlyList<GraphGroup> Groups,
    IReadOnlyDictionary<string, string> SourceHashes)
{
    private Dictionary<string, GraphStep>? _stepsById;
    private Dictionary<string, GraphGroup>? _groupsById;

    public GraphStep Step(string id) => (_stepsById ??= Steps.ToDictionary(s => s.Id, StringComparer.Ordinal))[id];

    public GraphGroup Group(string id) => (_groupsById ??= Groups.ToDictionary(g => g.Id, StringComparer.Ordinal))[id];

    public bool TryGetStep(string id, out GraphStep? step)
    {
        _stepsById ??= Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return _stepsById.TryGetValue(id, out step);
    }

    /// <summary>Groups enclosing a step, innermost first.</summary>
    public IEnumerable<GraphGroup> AncestorsOf(GraphStep step)
    {
        for (var id = step.GroupId; id is not null; id = Group(id).ParentId)
        {
            yield return Group(id);
        }
    }
}
