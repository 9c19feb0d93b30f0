using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Media;

/// <summary>Copies setup media: from a mounted ISO's drive (D:\*) or an extracted media folder into a local folder.</summary>
[Cmdlet(VerbsCommon.Copy, "Item")]
[OutputType("System.Management.Automation.PSObject")]
public sealed class CopyItemCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string[] Path { get; set; } = [];

    // Optional as in the reference (the current location by default); the simulator has no current location, so it asks for one.
    [Parameter(Position = 1)]
    public string? Destination { get; set; }

    [Parameter]
    public SwitchParameter Recurse { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute()
    {
        OnLocalNode((s, node) =>
        {
            var destination = Destination ?? throw new SimulationException(
                "DestinationRequired", ErrorCategory.InvalidArgument, "Copy-Item in the simulator needs -Destination.");
            foreach (var source in Path)
            {
                FileOperations.Copy(node, source, destination);
            }
        });
        Pass(SimulationTimings.MediaCopy);
    }
}
