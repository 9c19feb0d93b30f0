using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Registry;

internal static class RegistryPathArgument
{
    public static string Require(string path, string command) =>
        RegistryPaths.Normalize(path) ?? throw new SimulationException(
            "UnsupportedPath",
            ErrorCategory.InvalidArgument,
            $"{command} in the simulator works on registry paths under HKLM:\\ only; '{path}' is not one.");
}
