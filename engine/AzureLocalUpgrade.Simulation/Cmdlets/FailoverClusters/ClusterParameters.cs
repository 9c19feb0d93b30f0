using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.FailoverClusters;

internal static class ClusterParameters
{
    public const string CauEnableSoftReboot = "CauEnableSoftReboot";

    public static ClusterParameterInfo Find(IReadOnlyList<ClusterParameterInfo> known, string name) =>
        known.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SimulationException(
            "ClusterParameterNotFound",
            ErrorCategory.ObjectNotFound,
            $"The cluster parameter '{name}' does not exist in the simulator. Known: {string.Join(", ", known.Select(p => p.Name))}.");
}
