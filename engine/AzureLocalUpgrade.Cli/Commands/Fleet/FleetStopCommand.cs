using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet stop FLEET --db CONN</c>: no further cluster of the fleet starts; clusters running now finish their
/// run (stopping one mid-drain would leave a node half-done). <c>alu fleet resume</c> continues.
/// </summary>
internal sealed class FleetStopCommand(CliConsole console)
{
    public static Command Create(CliConsole console)
    {
        var fleet = new Argument<string>("fleet") { Description = "The fleet's name (metadata.name), as alu fleet status lists it." };
        var db = FleetStoreAccess.DbOption();
        var command = new Command("stop", "Stop releasing clusters of a running fleet; running clusters finish their run.") { fleet, db };
        command.SetAction((parse, ct) => new FleetStopCommand(console).RunAsync(parse.GetValue(fleet)!, parse.GetValue(db)!, ct));
        return command;
    }

    public async Task<int> RunAsync(string fleetId, string db, CancellationToken cancellationToken)
    {
        if (await FleetStoreAccess.OpenAsync(db, console, OutputFormat.Text, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return ExitCodes.InvalidInput;
        }

        var store = new FleetStore(database);
        if (await FleetLookup.FindAsync(store, fleetId, console, cancellationToken).ConfigureAwait(false) is not { } fleet)
        {
            return ExitCodes.InvalidInput;
        }

        if (!await store.StopAsync(fleetId, Environment.UserName, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false))
        {
            FleetStoreAccess.Render(console, OutputFormat.Text, FleetRunCodes.WrongFleetState, $"fleet {fleetId} is {fleet.State}, not running: there is nothing to stop", "See it with alu fleet status.");
            return ExitCodes.InvalidInput;
        }

        console.Out.WriteLine($"Fleet {fleetId} stopped: no further cluster starts. Continue with: alu fleet resume {fleetId} --db ...");
        return ExitCodes.Success;
    }
}
