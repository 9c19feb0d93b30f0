using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Media;

/// <summary>
/// Reads a text file of the simulated node (Microsoft.PowerShell.Management Get-Content): one string per line, or
/// the whole text with -Raw. Only files a simulated cmdlet wrote have content (Test-Cluster's report).
/// </summary>
[Cmdlet(VerbsCommon.Get, "Content", DefaultParameterSetName = "Path")]
public sealed class GetContentCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path", ValueFromPipelineByPropertyName = true)]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    public string[] LiteralPath { get; set; } = [];

    [Parameter]
    public SwitchParameter Raw { get; set; }

    protected override void Execute()
    {
        var paths = ParameterSetName == "LiteralPath" ? LiteralPath : Path;
        var texts = QueryLocalNode((_, node) => paths.Select(p => FileOperations.ReadText(node, p)).ToList());
        foreach (var text in texts)
        {
            if (Raw)
            {
                WriteObject(text);
            }
            else
            {
                WriteObject(text.Split('\n').Select(l => l.TrimEnd('\r')).SkipLast(text.EndsWith('\n') ? 1 : 0), enumerateCollection: true);
            }
        }
    }
}
