using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>
/// Connect-/Disconnect-VirtualDisk on the simulated cluster's disks. Every one is a clustered Storage Spaces Direct
/// disk under a Cluster Shared Volume resource, whose attachment Failover Clustering controls: the storage
/// provider refuses to attach or detach it from under the cluster (MSFT_VirtualDisk Detach/Attach, "the virtual
/// disk could not complete the operation because another computer controls its configuration", 50002). The
/// cluster-aware way is Stop-/Start-ClusterResource on the volume's resource.
/// </summary>
internal static class VirtualDiskAttachment
{
    /// <summary>Always throws (for every named disk that exists; a missing name is not found).</summary>
    public static bool Refuse(SimulationState s, string? friendlyName, VirtualDiskInfo? input, string command)
    {
        var names = input is not null ? [input.FriendlyName] : friendlyName is not null ? [friendlyName] : s.Storage.VirtualDisks.Select(d => d.FriendlyName).ToList();
        foreach (var name in names)
        {
            var disk = s.Storage.FindDisk(name) ?? throw SimulatorCmdlet.NotFound("Virtual disk", name, s.Storage.VirtualDisks.Select(d => d.FriendlyName));
            var verb = command.StartsWith("Connect", StringComparison.Ordinal) ? "Start" : "Stop";
            throw new SimulationException(
                "StorageWMI 50002,Microsoft.Management.Infrastructure.CimCmdlets",
                ErrorCategory.InvalidOperation,
                $"{command} {disk.FriendlyName}: the virtual disk could not complete the operation because another computer controls its configuration. It is a clustered Storage Spaces Direct disk: use {verb}-ClusterResource -Name '{Projections.CsvName(disk)}'.");
        }

        return false;
    }
}
