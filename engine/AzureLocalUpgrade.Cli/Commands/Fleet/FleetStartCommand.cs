using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Fleet.Running;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet start FLEET --db CONN</c>: plans the fleet and records its run, jobs and heartbeat in the store, for
/// the workers to execute; this process runs nothing (its scheduler is never started). Starting a fleet whose run
/// the store already has changes nothing and says so.
/// </summary>
internal sealed class FleetStartCommand(CliConsole console)
{
    public static Command Create(CliConsole console)
    {
        var fleet = new Argument<string>("fleet") { Description = "The fleet file (kind: Fleet)." };
        var db = FleetStoreAccess.DbOption();
        var timeScale = new Option<double?>("--time-scale") { Description = "Virtual seconds per wall second for soaks (default: 1; when every cluster is simulated, virtual time: a soak takes no wall time)." };
        var runbooks = RunbooksFolderLocator.Option();
        var command = new Command("start", "Record a fleet run in the store for the workers (alu fleet worker) to execute.") { fleet, db, timeScale, runbooks };
        command.SetAction((parse, ct) => new FleetStartCommand(console).RunAsync(parse.GetValue(fleet)!, parse.GetValue(db)!, parse.GetValue(timeScale), parse.GetValue(runbooks)?.FullName, ct));
        return command;
    }

    public async Task<int> RunAsync(string fleetFile, string db, double? timeScale, string? runbooks, CancellationToken cancellationToken)
    {
        if (FleetSubmission.Prepare(fleetFile, runbooks, timeScale, console, OutputFormat.Text) is not { } seed
            || await FleetStoreAccess.OpenAsync(db, console, OutputFormat.Text, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return ExitCodes.InvalidInput;
        }

        var client = FleetSchedulerOptions.Worker($"client-{Environment.MachineName}-{Environment.ProcessId}", [], 1);
        var host = await FleetHost.OpenAsync(database, client, StateDirectoryLocator.Resolve(null, console.WorkingDirectory), start: false, cancellationToken).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            var created = await host.SubmitAsync(seed, cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(created
                ? $"Fleet {seed.FleetId} started: {seed.Clusters.Count(c => c.StageIndex >= 0)} clusters in {seed.Stages.Count} stages; workers of their sites run them (alu fleet worker --db ... --site SITE)."
                : $"Fleet {seed.FleetId} is already recorded in the store; nothing changed (alu fleet status {seed.FleetId} --db ...).");
        }

        return ExitCodes.Success;
    }
}
