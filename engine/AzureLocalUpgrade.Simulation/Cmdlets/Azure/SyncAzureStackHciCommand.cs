using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Azure;

[Cmdlet(VerbsData.Sync, "AzureStackHCI")]
public sealed class SyncAzureStackHciCommand : SimulatorCmdlet
{
    protected override void Execute() => OnCluster(s =>
    {
        if (!s.Azure.Registered)
        {
            throw new SimulationException("NotRegistered", ErrorCategory.InvalidOperation, $"Cluster {s.ClusterName} is not registered with Azure; run Register-AzStackHCI first.");
        }

        s.Azure.LastSync = s.Now;
    });
}
