namespace AzureLocalUpgrade.Engine.Execution.Ledger;

/// <summary>A change the run made (or may have made) and did not undo.</summary>
/// <param name="Subject">e.g. "node hci01-n2", "service ClusSvc on node hci01-n1", "cluster hci01".</param>
/// <param name="State">The state it was left in: Paused, Disabled, Stopped, Offline, ...</param>
/// <param name="Certain">False when the step failed after starting: it may or may not have made the change.</param>
/// <param name="Description">The sentence for the report.</param>
public sealed record LeftoverChange(string Subject, string State, string StepId, string Tag, bool Certain, string Description);
