namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <param name="Tag">The change tag that caused it (pauses-node, ...).</param>
/// <param name="Subject">What changed: a node, a service on a node, the cluster, a disk.</param>
/// <param name="Certain">False when the step failed after starting: the change may or may not have happened.</param>
public sealed record JournalChange(string Tag, string Subject, string StepId, bool Certain);
