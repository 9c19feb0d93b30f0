using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// Network ATC intents and their per-node status. A simulated cluster has no intent unless its scenario configures
/// one (networkAtcAdapterNotFound). The status fields are those install-enable-network-atc.md shows for
/// Get-NetIntentStatus (one object per intent and node; ConfigurationStatus Success, or Failed with an Error).
/// The known issue of upgrade-to-24h2-powershell.md: with Network ATC configured before the OS upgrade, the management
/// intent may fail with PhysicalAdapterNotFound after it; the simulator makes it fail on every upgraded node.
/// </summary>
internal static class NetworkIntents
{
    public const string IntentName = "convergedintent";
    public const string AdapterNotFound = "PhysicalAdapterNotFound";

    public static IEnumerable<NetIntentStatusInfo> Status(SimulationState state, IEnumerable<NodeState> nodes)
    {
        if (!state.ActiveFaults(FaultKind.NetworkAtcAdapterNotFound).Any())
        {
            yield break;
        }

        foreach (var node in nodes)
        {
            var failed = node.Counters.FeatureUpdatesApplied > 0;
            yield return new NetIntentStatusInfo(
                IntentName,
                node.Name,
                IsComputeIntentSet: true,
                IsManagementIntentSet: true,
                IsStorageIntentSet: true,
                ConfigurationStatus: failed ? "Failed" : "Success",
                ProvisioningStatus: "Completed",
                Error: failed ? AdapterNotFound : "");
        }
    }
}
