namespace AzureLocalUpgrade.Simulation.Model;

internal sealed class ServiceState
{
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public ServiceStatus Status { get; set; }

    public ServiceStartType StartType { get; set; }
}
