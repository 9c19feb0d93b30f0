namespace AzureLocalUpgrade.Simulation.Model;

public enum ServiceStartType
{
    Automatic,
    Manual,
    Disabled,
}
