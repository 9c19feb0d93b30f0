using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>Refuses on the simulated (clustered Storage Spaces Direct) disks; see VirtualDiskAttachment.</summary>
[Cmdlet(VerbsCommunications.Connect, "VirtualDisk")]
public sealed class ConnectVirtualDiskCommand : SimulatorCmdlet
{
    [Parameter(Position = 0)]
    public string? FriendlyName { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public VirtualDiskInfo? InputObject { get; set; }

    protected override void Execute() => QueryCluster(s => VirtualDiskAttachment.Refuse(s, FriendlyName, InputObject, CommandName));
}
