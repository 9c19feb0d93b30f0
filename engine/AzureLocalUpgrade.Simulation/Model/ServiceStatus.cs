namespace AzureLocalUpgrade.Simulation.Model;

public enum ServiceStatus
{
    Running,
    Stopped,
}
