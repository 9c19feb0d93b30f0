using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Media;

/// <summary>Mounts setup media; the release is read from the ISO's file name (23H2/2503, 24H2/2505).</summary>
[Cmdlet(VerbsData.Mount, "DiskImage")]
[OutputType("Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_DiskImage")]
public sealed class MountDiskImageCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string ImagePath { get; set; } = "";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Execute() => WriteObject(OnLocalNode((s, node) =>
    {
        var image = FileOperations.Mount(node, ImagePath);
        return new DiskImageInfo(image.ImagePath, true, image.DriveLetter);
    }));
}
