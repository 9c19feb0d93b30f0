namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-AzureStackHCI output. RegistrationStatus: Registered | NotYet; ConnectionStatus: Connected | NotConnected.</summary>
public sealed record AzureStackHciInfo(string ClusterStatus, string RegistrationStatus, string ConnectionStatus, DateTimeOffset? LastConnected, string AzureResourceName);
