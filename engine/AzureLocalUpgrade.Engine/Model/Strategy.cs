namespace AzureLocalUpgrade.Engine.Model;

/// <param name="MaxConcurrent">Node instances in flight at once; null means no limit (parallel) or 1 (rolling).</param>
/// <param name="MaxFailed">Node instances that may fail (including nodes already unhealthy) before the group stops.</param>
public sealed record Strategy(StrategyMode Mode, int? MaxConcurrent, int MaxFailed)
{
    public static readonly Strategy Default = new(StrategyMode.Parallel, null, 0);

    public int EffectiveConcurrency(int nodeCount) =>
        Math.Max(1, MaxConcurrent ?? (Mode == StrategyMode.Rolling ? 1 : nodeCount));
}
