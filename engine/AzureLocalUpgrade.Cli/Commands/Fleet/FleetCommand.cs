using System.CommandLine;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet ...</c>: the fleet commands, one file each in this folder. Kept to the list of subcommands so that
/// each fleet command is added with one line.
/// </summary>
public static class FleetCommand
{
    public static Command Create(CliConsole console) => new("fleet", "Upgrade many clusters in stages: plan, run and watch a fleet (docs/fleets.md).")
    {
        FleetPlanCommand.Create(console),
        FleetRunCommand.Create(console),
        FleetWorkerCommand.Create(console),
        FleetStartCommand.Create(console),
        FleetStopCommand.Create(console),
        FleetResumeCommand.Create(console),
        FleetApproveCommand.Create(console),
        FleetStatusCommand.Create(console),
        FleetServeCommand.Create(console),
        FleetReportCommand.Create(console),
        FleetHashPasswordCommand.Create(console),
    };
}
