namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-CauReport and Invoke-CauRun output.</summary>
public sealed record CauReportInfo(CauClusterResult ClusterResult, string Plugin, string OrchestratorMachine)
{
    public IReadOnlyList<CauNodeResult> NodeResults => ClusterResult.NodeResults;

    public string Status => ClusterResult.Status;
}
