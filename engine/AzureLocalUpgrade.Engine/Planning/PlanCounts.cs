namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>How many steps the plan can promise, and how many it cannot (an honest preview never says "no change" for unknowns).</summary>
/// <param name="Recovery">onFailure steps, which run only if their owner fails (not in <see cref="Total"/>).</param>
public sealed record PlanCounts(int Total, int Known, int RuntimeDecided, int ManualGate, int Skipped, int Recovery);
