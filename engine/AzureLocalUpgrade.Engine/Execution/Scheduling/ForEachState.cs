using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>A forEach group: its strategy, its failure budget and its instances in inventory order.</summary>
internal sealed class ForEachState(GraphGroup group)
{
    public GraphGroup Group { get; } = group;

    public Strategy Strategy { get; } = group.Strategy ?? Strategy.Default;

    public List<InstanceState> Instances { get; } = [];

    public int Concurrency => Strategy.EffectiveConcurrency(Instances.Count);

    /// <summary>Failed instances plus nodes that were unhealthy before the run.</summary>
    public int Failures => Instances.Count(i => i.HasFailed);

    public bool BudgetExceeded => Failures > Strategy.MaxFailed;

    /// <summary>Set when the group stops starting instances (budget used up, health gate not met).</summary>
    public string? StoppedReason { get; set; }

    public int MaxInFlight { get; set; }
}
