using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet approve FLEET --stage NAME --db CONN [--by NAME]</c>: approves the gate after a finished stage, recorded
/// with who and when (the same record the dashboard writes); the next stage's clusters are released within a heartbeat.
/// </summary>
internal sealed class FleetApproveCommand(CliConsole console)
{
    public static Command Create(CliConsole console)
    {
        var fleet = new Argument<string>("fleet") { Description = "The fleet's name (metadata.name)." };
        var stage = new Option<string>("--stage") { Description = "The stage whose gate to approve (the one that finished).", Required = true };
        var db = FleetStoreAccess.DbOption();
        var by = new Option<string?>("--by") { Description = "Who approves (default: the user name)." };
        var command = new Command("approve", "Approve the gate after a finished stage so the next stage starts.") { fleet, stage, db, by };
        command.SetAction((parse, ct) => new FleetApproveCommand(console).RunAsync(parse.GetValue(fleet)!, parse.GetValue(stage)!, parse.GetValue(db)!, parse.GetValue(by), ct));
        return command;
    }

    public async Task<int> RunAsync(string fleetId, string stage, string db, string? by, CancellationToken cancellationToken)
    {
        if (await FleetStoreAccess.OpenAsync(db, console, OutputFormat.Text, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return ExitCodes.InvalidInput;
        }

        var store = new FleetStore(database);
        if (await FleetLookup.FindAsync(store, fleetId, console, cancellationToken).ConfigureAwait(false) is null)
        {
            return ExitCodes.InvalidInput;
        }

        var approver = string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim();
        if (!await store.ApproveAsync(fleetId, stage, approver, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false))
        {
            var status = await store.GetStatusAsync(fleetId, cancellationToken).ConfigureAwait(false);
            var waiting = status!.Stages.Where(s => s.State == AzureLocalUpgrade.Fleet.Status.StageState.AwaitingApproval).Select(s => s.Name).ToList();
            FleetStoreAccess.Render(console, OutputFormat.Text, FleetRunCodes.GateNotAwaiting,
                $"fleet {fleetId}: the gate after stage '{stage}' is not waiting for approval" + (status.Stages.Any(s => s.Name == stage) ? "" : " (the fleet has no such stage)"),
                waiting.Count > 0 ? $"The gate waiting now is after stage {waiting[0]}: alu fleet approve {fleetId} --stage {waiting[0]} --db ..." : "No gate waits now; see alu fleet status.");
            return ExitCodes.InvalidInput;
        }

        console.Out.WriteLine($"Approved the gate after stage {stage} of fleet {fleetId} as {approver}; the next stage starts within a heartbeat.");
        return ExitCodes.Success;
    }
}
