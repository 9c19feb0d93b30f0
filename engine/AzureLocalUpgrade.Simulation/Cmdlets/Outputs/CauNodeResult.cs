namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>A node's result in a CAU run. Status: Succeeded | PartiallyFailed | Failed | Canceled.</summary>
public sealed record CauNodeResult(
    CauNodeIdentity Node,
    string Status,
    string? UpdateTitle,
    int NumberOfSucceededUpdates,
    int NumberOfFailedUpdates,
    string? ErrorRecordData);
