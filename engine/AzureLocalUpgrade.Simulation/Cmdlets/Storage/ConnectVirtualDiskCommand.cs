using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>Brings a virtual disk online.</summary>
[Cmdlet(VerbsCommunications.Connect, "VirtualDisk")]
public sealed class ConnectVirtualDiskCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? FriendlyName { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public VirtualDiskInfo? InputObject { get; set; }

    protected override void Execute() => OnCluster(s => VirtualDiskAttachment.Set(s, FriendlyName, InputObject, attached: true));
}
