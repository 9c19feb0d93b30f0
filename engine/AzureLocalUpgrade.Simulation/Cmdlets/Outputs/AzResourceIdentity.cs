namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>The Identity of an Azure resource.</summary>
public sealed record AzResourceIdentity(string Type, string PrincipalId);
