namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>One Test-CauSetup finding. Severity: Error | Warning | Information.</summary>
public sealed record CauSetupResult(string Severity, string Title, string Description, string? Resolution);
