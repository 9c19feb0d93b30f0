using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Storage;

/// <summary>Refuses on the simulated (clustered Storage Spaces Direct) disks; see VirtualDiskAttachment.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "VirtualDisk", DefaultParameterSetName = ByFriendlyName)]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_VirtualDisk")]
public sealed class DisconnectVirtualDiskCommand : SimulatorCmdlet
{
    // The reference's parameter set names (the Storage cmdlets are CDXML): a name or a piped object, each mandatory in its set.
    private const string ByFriendlyName = "ByFriendlyName";
    private const string ByInputObject = "InputObject (cdxml)";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByFriendlyName)]
    public string? FriendlyName { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObject)]
    public VirtualDiskInfo? InputObject { get; set; }

    protected override void Execute() => QueryCluster(s => VirtualDiskAttachment.Refuse(s, FriendlyName, InputObject, CommandName));
}
