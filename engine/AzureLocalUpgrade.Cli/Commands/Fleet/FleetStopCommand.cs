using System.CommandLine;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet stop FLEET --db CONN</c>: no further cluster of the fleet starts; clusters running now finish their
/// run (stopping one mid-drain would leave a node half-done). <c>alu fleet resume</c> continues.
/// </summary>
internal static class FleetStopCommand
{
    public static readonly FleetStateChange Change = new(
        "stop",
        "Stop releasing clusters of a running fleet; running clusters finish their run.",
        (store, fleetId, by, at, ct) => store.StopAsync(fleetId, by, at, ct),
        fleet => $"fleet {fleet.FleetId} is {fleet.State}, not running: there is nothing to stop",
        "See it with alu fleet status.",
        fleetId => $"Fleet {fleetId} stopped: no further cluster starts. Continue with: alu fleet resume {fleetId} --db ...");

    public static Command Create(CliConsole console) => Change.Create(console, FleetControl.Options());
}
