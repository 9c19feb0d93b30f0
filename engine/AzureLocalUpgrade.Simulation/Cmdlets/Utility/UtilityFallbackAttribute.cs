namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>
/// Marks a minimal Microsoft.PowerShell.Utility cmdlet: every real node has the module, but an in-process runspace
/// built from System.Management.Automation alone does not. Added to a simulated session only when the base state
/// lacks a command of that name, so a host that has the real module keeps it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class UtilityFallbackAttribute : Attribute;
