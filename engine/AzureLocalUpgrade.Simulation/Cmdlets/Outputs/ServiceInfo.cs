using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-Service output.</summary>
public sealed record ServiceInfo(string Name, string DisplayName, ServiceStatus Status, ServiceStartType StartType)
{
    public override string ToString() => Name;
}
