using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;
using AzureLocalUpgrade.Fleet.Storage.Postgres;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet worker --db CONN --site SITE...</c>: joins the fleet scheduler cluster as one Quartz node with its own
/// instance id and runs the clusters of its sites (their triggers carry the site as execution group) for every
/// fleet in the store, until SIGTERM/Ctrl+C. With PostgreSQL the cluster runs' claims, journals and reports live
/// there too, so a worker of the same site on another machine can continue a run this one left.
/// </summary>
internal sealed class FleetWorkerCommand(CliConsole console)
{
    public sealed record Request(string Db, IReadOnlyList<string> Sites, string? StateDir, int MaxConcurrent, string? InstanceId);

    public static Command Create(CliConsole console)
    {
        var db = FleetStoreAccess.DbOption();
        var sites = new Option<string[]>("--site") { Description = "A site this worker serves (repeatable); it runs only those sites' clusters.", Required = true, AllowMultipleArgumentsPerToken = true };
        var stateDir = new ExecutionOptions().StateDir;
        var maxConcurrent = new Option<int>("--max-concurrent") { Description = "Cluster runs this worker executes at once.", DefaultValueFactory = _ => 4 };
        var instanceId = new Option<string?>("--instance-id") { Description = "This worker's id in the scheduler cluster (default: host name and process id); unique per worker." };
        var command = new Command("worker", "Join the fleet scheduler cluster and run the clusters of the given sites.") { db, sites, stateDir, maxConcurrent, instanceId };
        command.SetAction((parse, _) => new FleetWorkerCommand(console).RunAsync(new Request(
            parse.GetValue(db)!, parse.GetValue(sites) ?? [], parse.GetValue(stateDir), parse.GetValue(maxConcurrent), parse.GetValue(instanceId))));
        return command;
    }

    public async Task<int> RunAsync(Request request)
    {
        var sites = request.Sites.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (sites.Count == 0)
        {
            FleetStoreAccess.Render(console, OutputFormat.Text, FleetRunCodes.SiteMissing, "--site: a worker serves at least one site", "Name the sites whose clusters this worker can reach: --site eu-store-001 --site eu-store-002.");
            return ExitCodes.InvalidInput;
        }

        using var signals = new CancellationSignals();
        if (await FleetStoreAccess.OpenAsync(request.Db, console, OutputFormat.Text, signals.Token).ConfigureAwait(false) is not { } database)
        {
            return ExitCodes.InvalidInput;
        }

        var stateDirectory = StateDirectoryLocator.Resolve(request.StateDir, console.WorkingDirectory);
        var instanceId = request.InstanceId ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        using var postgresRuns = database.Dialect == SqlDialect.Postgres ? PostgresRunStore.Open(database.ConnectionString) : null;
        IRunStore? runStore = postgresRuns;
        var host = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Worker(instanceId, sites, Math.Max(1, request.MaxConcurrent)), stateDirectory, start: true, signals.Token, runStore).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            console.Error.WriteLine($"Worker {instanceId} serving {string.Join(", ", sites)} on {database.Display}; stop with Ctrl+C or SIGTERM.");
            try
            {
                await Task.Delay(Timeout.Infinite, signals.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine($"Worker {instanceId} stopping; its cluster runs stop resumably and another worker of the site continues them.");
            }
        }

        return ExitCodes.Success;
    }
}
