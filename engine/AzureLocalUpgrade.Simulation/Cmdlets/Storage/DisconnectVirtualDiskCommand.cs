using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>Takes a virtual disk offline (the offline update method does this before Stop-Cluster).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "VirtualDisk")]
public sealed class DisconnectVirtualDiskCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? FriendlyName { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public VirtualDiskInfo? InputObject { get; set; }

    protected override void Execute() => OnCluster(s => VirtualDiskAttachment.Set(s, FriendlyName, InputObject, attached: false));
}
