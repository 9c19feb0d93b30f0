using System.CommandLine;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet resume FLEET --db CONN</c>: a halted fleet (failure budget spent, health check failed) or a stopped
/// one runs again after the fix: the halted stage's failed clusters are retried, then the fleet moves on. The
/// workers (or a re-run <c>alu fleet run</c> for the embedded store) pick it up within a heartbeat.
/// </summary>
internal static class FleetResumeCommand
{
    public static readonly FleetStateChange Change = new(
        "resume",
        "Continue a halted or stopped fleet after the fix (retries the halted stage's failed clusters).",
        (store, fleetId, by, at, ct) => store.ResumeAsync(fleetId, by, at, ct),
        fleet => $"fleet {fleet.FleetId} is {fleet.State}: only a halted or stopped fleet resumes",
        "See it with alu fleet status; a fleet waiting at a gate continues with alu fleet approve.",
        fleetId => $"Fleet {fleetId} resumed; its workers continue it (for the embedded store run alu fleet run again).");

    public static Command Create(CliConsole console) => Change.Create(console, FleetControl.Options("The fleet's name (metadata.name)."));
}
