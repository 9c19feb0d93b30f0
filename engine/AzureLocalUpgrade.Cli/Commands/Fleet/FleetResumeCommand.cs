using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet resume FLEET --db CONN</c>: a halted fleet (failure budget spent, health check failed) or a stopped
/// one runs again after the fix: the halted stage's failed clusters are retried, then the fleet moves on. The
/// workers (or a re-run <c>alu fleet run</c> for the embedded store) pick it up within a heartbeat.
/// </summary>
internal sealed class FleetResumeCommand(CliConsole console)
{
    public static Command Create(CliConsole console)
    {
        var fleet = new Argument<string>("fleet") { Description = "The fleet's name (metadata.name)." };
        var db = FleetStoreAccess.DbOption();
        var command = new Command("resume", "Continue a halted or stopped fleet after the fix (retries the halted stage's failed clusters).") { fleet, db };
        command.SetAction((parse, ct) => new FleetResumeCommand(console).RunAsync(parse.GetValue(fleet)!, parse.GetValue(db)!, ct));
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

        if (!await store.ResumeAsync(fleetId, Environment.UserName, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false))
        {
            FleetStoreAccess.Render(console, OutputFormat.Text, FleetRunCodes.WrongFleetState, $"fleet {fleetId} is {fleet.State}: only a halted or stopped fleet resumes", "See it with alu fleet status; a fleet waiting at a gate continues with alu fleet approve.");
            return ExitCodes.InvalidInput;
        }

        console.Out.WriteLine($"Fleet {fleetId} resumed; its workers continue it (for the embedded store run alu fleet run again).");
        return ExitCodes.Success;
    }
}
