using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Media;

[Cmdlet(VerbsData.Dismount, "DiskImage")]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_DiskImage")]
public sealed class DismountDiskImageCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string ImagePath { get; set; } = "";

    protected override void Execute() => WriteObject(OnLocalNode((s, node) =>
    {
        FileOperations.Dismount(node, ImagePath);
        return new DiskImageInfo(ImagePath, false, null);
    }));
}
