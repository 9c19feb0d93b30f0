using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Media;

/// <summary>Copies setup media: from a mounted ISO's drive (D:\*) or an extracted media folder into a local folder.</summary>
[Cmdlet(VerbsCommon.Copy, "Item")]
public sealed class CopyItemCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, Position = 1)]
    public string Destination { get; set; } = "";

    [Parameter]
    public SwitchParameter Recurse { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Execute() => OnLocalNode((s, node) =>
    {
        foreach (var source in Path)
        {
            FileOperations.Copy(node, source, Destination);
        }

        Evolution.AdvanceTo(s, s.Now + SimulationTimings.MediaCopy);
    });
}
