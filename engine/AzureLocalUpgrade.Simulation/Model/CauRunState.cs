namespace AzureLocalUpgrade.Simulation.Model;

/// <summary>Element 0 of Get-CauRun: whether an Updating Run exists and in what condition.</summary>
public enum CauRunState
{
    RunNotInProgress,
    RunInProgress,

    /// <summary>A run ended leaving a node in maintenance, or its orchestrator died; cleared by Invoke-CauRun -ForceRecovery.</summary>
    RunFailed,
}
