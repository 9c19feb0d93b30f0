namespace AzureLocalUpgrade.Engine.Model;

public enum StrategyMode
{
    /// <summary>Node by node (maxConcurrent at a time, default 1), in inventory order.</summary>
    Rolling,

    /// <summary>All nodes at once, limited by maxConcurrent when given.</summary>
    Parallel,
}
