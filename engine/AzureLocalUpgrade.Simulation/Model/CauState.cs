namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class CauState
{
    public bool RoleInstalled { get; set; }

    public CauRunState RunState { get; set; }

    public bool CancelPending { get; set; }

    public CauRunRecord? CurrentRun { get; set; }

    public List<CauRunRecord> History { get; set; } = [];
}
