namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-AzResource output; Identity is null when the resource has none.</summary>
public sealed record AzResourceInfo(string Name, string ResourceGroupName, string ResourceType, AzResourceIdentity? Identity);
