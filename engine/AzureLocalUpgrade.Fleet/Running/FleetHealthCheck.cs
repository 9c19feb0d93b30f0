using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Simulation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Fleet.Running;

/// <summary>
/// The fleet health check after a stage's soak (<c>healthCheck: { noDegradedClusters: true }</c>): every upgraded
/// cluster of the stage must still be whole, every node up, reachable and not drained. Simulated clusters are read
/// from their saved state; a real cluster's run already ended with the runbook's own health validation.
/// </summary>
internal static class FleetHealthCheck
{
    public static IReadOnlyList<string> Degraded(string stateDirectory, IEnumerable<ClusterRow> stage)
    {
        var degraded = new List<string>();
        foreach (var cluster in stage.Where(c => c.State == ClusterRunState.Done))
        {
            if (SimulatedCluster.ReadSnapshot(stateDirectory, cluster.Cluster) is not { } snapshot)
            {
                continue;
            }

            var down = snapshot.Nodes.Where(n => n.State != ClusterNodeState.Up || !n.Reachable).Select(n => n.Name).ToList();
            if (down.Count > 0)
            {
                degraded.Add($"{cluster.Cluster} ({string.Join(", ", down)} not up)");
            }
        }

        return degraded;
    }
}
