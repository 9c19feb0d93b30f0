using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

internal static class VirtualDiskAttachment
{
    public static void Set(SimulationState s, string? friendlyName, VirtualDiskInfo? input, bool attached)
    {
        var names = input is not null ? [input.FriendlyName] : friendlyName is not null ? [friendlyName] : s.Storage.VirtualDisks.Select(d => d.FriendlyName).ToList();
        foreach (var name in names)
        {
            var disk = s.Storage.FindDisk(name) ?? throw SimulatorCmdlet.NotFound("Virtual disk", name, s.Storage.VirtualDisks.Select(d => d.FriendlyName));
            disk.Attached = attached;
        }
    }
}
