namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-InstalledModule output.</summary>
public sealed record InstalledModuleInfo(string Name, string Version, string Repository);
