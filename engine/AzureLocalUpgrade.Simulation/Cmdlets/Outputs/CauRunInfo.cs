namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Element 1 of Get-CauRun: the current (or last) Updating Run.</summary>
public sealed record CauRunInfo(
    Guid RunId,
    DateTimeOffset RunStartTime,
    string CurrentOrchestrator,
    bool CancelPending,
    bool InProgress,
    IReadOnlyList<CauNodeResult> NodeResults);
