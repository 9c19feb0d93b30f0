using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Planning.Rendering;

/// <summary>The words plans use for each certainty, one spelling shared by every renderer.</summary>
public static class CertaintyText
{
    public static string Label(Certainty certainty) => certainty switch
    {
        Certainty.Known => "known",
        Certainty.RuntimeDecided => "decided at run time",
        Certainty.ManualGate => "manual gate",
        _ => "skipped",
    };

    /// <summary>camelCase name used in JSON.</summary>
    public static string Key(Certainty certainty) => certainty switch
    {
        Certainty.Known => "known",
        Certainty.RuntimeDecided => "runtimeDecided",
        Certainty.ManualGate => "manualGate",
        _ => "skipped",
    };

    public static string Summary(PlanCounts counts) =>
        $"{counts.Total} steps: {counts.Known} known, {counts.RuntimeDecided} decided at run time, " +
        $"{counts.ManualGate} manual gates, {counts.Skipped} skipped; {counts.Recovery} recovery steps run only on failure";

    public static string Strategy(Model.Strategy strategy) =>
        $"{strategy.Mode.ToString().ToLowerInvariant()}, " +
        (strategy.MaxConcurrent is { } max ? $"{max} at a time" : strategy.Mode == Model.StrategyMode.Rolling ? "1 at a time" : "all at once") +
        $", {strategy.MaxFailed} may fail";
}
