namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-NetAdapter output.</summary>
public sealed record NetAdapterInfo(string Name, string InterfaceDescription, string DriverProvider, string DriverVersion, string Status);
