using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet approve FLEET --stage NAME --db CONN [--by NAME]</c>: approves the gate after a finished stage, recorded
/// with who and when (the same record the dashboard writes); the next stage's clusters are released within a heartbeat.
/// A name that is no stage of the fleet is refused (ALU7107), a stage whose gate is not waiting too (ALU7102).
/// </summary>
internal sealed class FleetApproveCommand(CliConsole console)
{
    public static Command Create(CliConsole console)
    {
        var options = FleetControl.Options();
        var stage = new Option<string>("--stage") { Description = "The stage whose gate to approve (the one that finished).", Required = true };
        var by = new Option<string?>("--by") { Description = "Who approves (default: the user name)." };
        var command = options.Command("approve", "Approve the gate after a finished stage so the next stage starts.", stage, by);
        command.SetAction((parse, ct) => new FleetApproveCommand(console).RunAsync(options.Read(parse), parse.GetValue(stage)!, parse.GetValue(by), ct));
        return command;
    }

    public async Task<int> RunAsync(FleetControl.Target target, string stage, string? by, CancellationToken cancellationToken)
    {
        if (await FleetControl.FindAsync(target, console, cancellationToken).ConfigureAwait(false) is not var (store, _))
        {
            return ExitCodes.InvalidInput;
        }

        var fleetId = target.FleetId;
        var status = (await store.GetStatusAsync(fleetId, cancellationToken).ConfigureAwait(false))!;
        var unknown = FleetStageNames.Unknown("--stage", [stage], [.. status.Stages.Select(s => s.Name).Where(name => name != FleetStore.RefusedGroup)], fleetId, Engine.Text.SourceSpan.None, allowEvery: false);
        if (unknown.Count > 0)
        {
            new DiagnosticRenderer(console).Render(unknown, target.Format);
            return ExitCodes.InvalidInput;
        }

        var approver = string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim();
        if (!await store.ApproveAsync(fleetId, stage, approver, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false))
        {
            var waiting = status.Stages.Where(s => s.State == StageState.AwaitingApproval).Select(s => s.Name).ToList();
            FleetStoreAccess.Render(console, target.Format, FleetRunCodes.GateNotAwaiting,
                $"fleet {fleetId}: the gate after stage '{stage}' is not waiting for approval",
                waiting.Count > 0 ? $"The gate waiting now is after stage {waiting[0]}: alu fleet approve {fleetId} --stage {waiting[0]} --db ..." : "No gate waits now; see alu fleet status.");
            return ExitCodes.InvalidInput;
        }

        console.Out.WriteLine($"Approved the gate after stage {stage} of fleet {fleetId} as {approver}; the next stage starts within a heartbeat.");
        return ExitCodes.Success;
    }
}
