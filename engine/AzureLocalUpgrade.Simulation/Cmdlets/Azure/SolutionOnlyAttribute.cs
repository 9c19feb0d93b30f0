namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

/// <summary>
/// Marks a command that exists only on the nodes of a cluster where the Azure Local solution (2311.2 and later) is
/// deployed, such as Get-StampInformation: on a node that runs the OS alone the command is not installed, so calling
/// it fails with CommandNotFoundException — whatever -ErrorAction says, because command discovery fails before the
/// cmdlet runs. The upgrade documents use it as the test "does the solution run here"
/// (azure-local/upgrade/upgrade-to-24h2-powershell.md: "If it returns output, your system is already running the
/// solution"); docs/cmdlet-surface.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class SolutionOnlyAttribute : Attribute;
