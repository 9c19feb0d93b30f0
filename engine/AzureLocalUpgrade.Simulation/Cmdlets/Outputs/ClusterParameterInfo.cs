namespace AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

/// <summary>Get-ClusterParameter output.</summary>
public sealed record ClusterParameterInfo(string ClusterObject, string Name, object Value, string Type);
