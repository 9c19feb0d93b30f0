namespace AzureLocalUpgrade.Engine.Model;

/// <param name="Instructions">Scriban text: what the person must do before approving.</param>
/// <param name="Rehearse">
/// PowerShell that plays the person's part on a simulated cluster only (inventory <c>connection.simulated: true</c>),
/// run on the gate's target once the gate is approved. Nobody clicks a wizard on the simulator, so without it a guided
/// runbook cannot be rehearsed end to end there; on a real cluster the compiler drops it and it never runs.
/// </param>
public sealed record ManualOptions(EmbeddedText Instructions, EmbeddedText? Rehearse = null);
