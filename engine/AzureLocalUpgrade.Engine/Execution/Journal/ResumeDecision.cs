namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>What the operator decided about a step that was interrupted mid-flight (<c>--retry STEP</c> / <c>--skip STEP</c>).</summary>
public enum ResumeDecision
{
    /// <summary>Run the step again.</summary>
    Retry,

    /// <summary>Treat the step as done (the operator checked or finished it by hand).</summary>
    Skip,
}
