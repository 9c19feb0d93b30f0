namespace AzureLocalUpgrade.Engine.Graph;

/// <summary>How much of a step the plan can promise now (honest previews).</summary>
public enum Certainty
{
    /// <summary>Will run exactly as shown.</summary>
    Known,

    /// <summary>Whether or how long it runs is decided at run time (a skipIf guard, a poll).</summary>
    RuntimeDecided,

    /// <summary>Waits for a person's approval.</summary>
    ManualGate,

    /// <summary>Pruned at compile time by its `when` condition; shown with the reason.</summary>
    Skipped,
}
