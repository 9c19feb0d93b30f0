using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Behaviour;
using AzureLocalUpgrade.Simulation.Cmdlets.Outputs;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Media;

/// <summary>
/// Runs setup.exe from staged media: '/auto upgrade' stages the media's feature update, and then Setup restarts the
/// machine itself to finish it unless '/noreboot' is given (Windows Setup command-line options, /NoReboot: no restart
/// after the down-level phase; the caller restarts when it chooses). The simulated install always runs to its end in
/// virtual time; without -Wait the caller simply does not wait for it. Other programs are not simulated.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "Process")]
[OutputType("System.Diagnostics.Process")]
public sealed class StartProcessCommand : SimulatorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("PSPath", "Path")]
    public string FilePath { get; set; } = "";

    [Parameter(Position = 1)]
    [Alias("Args")]
    public string[]? ArgumentList { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    [Alias("nnw")]
    public SwitchParameter NoNewWindow { get; set; }

    protected override void Execute()
    {
        var arguments = string.Join(' ', ArgumentList ?? []);
        var reboots = !arguments.Contains("/noreboot", StringComparison.OrdinalIgnoreCase);
        var (release, skipped) = QueryLocalNode((s, node) =>
        {
            var release = FileOperations.MediaReleaseAt(node, FilePath) ?? throw new SimulationException(
                "InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand",
                ErrorCategory.InvalidOperation,
                $"This command cannot be run because '{FilePath}' is not setup.exe in setup media staged on {node.Name} (extract the ISO there first).");
            if (!arguments.Contains("/auto upgrade", StringComparison.OrdinalIgnoreCase))
            {
                throw new SimulationException("SetupArgumentsNotSimulated", ErrorCategory.InvalidArgument, $"The simulator runs setup.exe only as '/auto upgrade ...'; got '{arguments}'.");
            }

            return (release, SimulatedReleases.BuildAfterFeatureUpdate(release) <= node.Build ? new ProcessInfo(4242, "setup", true, unchecked((int)0xC1900210)) : null);
        });
        if (skipped is null && (Wait || reboots))
        {
            // Setup's install takes its time on this node while other sessions go on; its restart (without /noreboot)
            // comes at the end of it.
            Pass(SimulationTimings.SetupInstall);
        }

        var process = skipped ?? OnLocalNode((s, node) =>
        {
            node.PendingFeatureUpdate = release;
            if (reboots)
            {
                NodeOperations.BeginRestart(s, node, soft: false);
            }

            return new ProcessInfo(4242, "setup", Wait, 0);
        });
        if (PassThru)
        {
            WriteObject(process);
        }
    }
}
