using System.CommandLine;
using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Status;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet run FLEET</c>: the whole fleet in this process on the embedded store (Quartz's ADO.NET store on a
/// SQLite file under the state folder), simulated clusters on their virtual clocks. Running the same command again
/// after a crash or kill -9 continues the run where the store says it is. Exit 0 when every cluster was upgraded,
/// 1 when clusters failed (within budget) or the fleet halted, 3 when it was stopped, 130 on Ctrl+C (resumable).
/// </summary>
internal sealed class FleetRunCommand(CliConsole console)
{
    public sealed record Request(string Fleet, string? StateDir, string? Db, string? RunbooksFolder, IReadOnlyList<string> Approve, int MaxConcurrent, double? TimeScale, LogFormat LogFormat);

    public static Command Create(CliConsole console)
    {
        var fleet = new Argument<string>("fleet") { Description = "The fleet file (kind: Fleet)." };
        var shared = new ExecutionOptions();
        var db = FleetStoreAccess.DbOption(required: false);
        db.Description = "The fleet store (default: fleets/fleets.db, a SQLite file under the state folder); see alu fleet worker for PostgreSQL.";
        var approve = new Option<string[]>("--approve") { Description = "Approve the gate after this stage ahead of time (repeatable; '*' approves every stage's gate)." };
        var maxConcurrent = new Option<int>("--max-concurrent") { Description = "Cluster runs this process executes at once (the stages' limits still apply).", DefaultValueFactory = _ => 4 };
        var timeScale = new Option<double?>("--time-scale") { Description = "Virtual seconds per wall second for soaks (default: 1; when every cluster is simulated, virtual time: a soak takes no wall time)." };
        var runbooks = RunbooksFolderLocator.Option();
        var command = new Command("run", "Run a whole fleet in this process on the embedded store; run it again to continue after a crash.")
        {
            fleet, shared.StateDir, db, approve, maxConcurrent, timeScale, runbooks, shared.LogFormat,
        };
        command.SetAction((parse, _) => new FleetRunCommand(console).RunAsync(new Request(
            parse.GetValue(fleet)!, parse.GetValue(shared.StateDir), parse.GetValue(db), parse.GetValue(runbooks)?.FullName, parse.GetValue(approve) ?? [],
            parse.GetValue(maxConcurrent), parse.GetValue(timeScale), EventSinkFactory.ParseLogFormat(parse.GetValue(shared.LogFormat)) ?? LogFormat.Text)));
        return command;
    }

    public async Task<int> RunAsync(Request request)
    {
        var format = request.LogFormat == LogFormat.Json ? OutputFormat.Json : OutputFormat.Text;
        if (request.MaxConcurrent < 1)
        {
            FleetStoreAccess.Render(console, format, FleetRunCodes.WrongFleetState, $"--max-concurrent {request.MaxConcurrent}: must be at least 1", "Give how many cluster runs may execute at once, e.g. --max-concurrent 4.");
            return ExitCodes.InvalidInput;
        }

        if (FleetSubmission.Prepare(request.Fleet, request.RunbooksFolder, request.TimeScale, console, format, request.Approve) is not { } seed)
        {
            return ExitCodes.InvalidInput;
        }

        var stateDirectory = StateDirectoryLocator.Resolve(request.StateDir, console.WorkingDirectory);
        using var signals = new CancellationSignals();
        var dbValue = request.Db ?? Path.Combine(stateDirectory, "fleets", "fleets.db");
        if (await FleetStoreAccess.OpenAsync(dbValue, console, format, signals.Token).ConfigureAwait(false) is not { } database)
        {
            return ExitCodes.InvalidInput;
        }

        var output = new FleetEventOutput(console.Out, request.LogFormat);
        var host = await FleetHost.OpenAsync(database, FleetSchedulerOptions.Embedded(request.MaxConcurrent), stateDirectory, start: true, signals.Token).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            var created = await host.SubmitAsync(seed, signals.Token).ConfigureAwait(false);
            await PreApproveAsync(host.Store, seed, request.Approve, signals.Token).ConfigureAwait(false);
            console.Error.WriteLine(created
                ? $"Fleet {seed.FleetId}: {seed.Clusters.Count(c => c.StageIndex >= 0)} clusters in {seed.Stages.Count} stages; store {database.Display}"
                : $"Fleet {seed.FleetId}: continuing the run recorded in {database.Display}");
            FleetRow result;
            try
            {
                result = await host.WaitAsync(seed.FleetId, untilGate: false, output.Write, signals.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
            {
                console.Error.WriteLine($"alu: fleet {seed.FleetId} interrupted; running clusters stop resumably. Continue with the same command.");
                return Engine.Execution.RunExitCodes.Cancelled;
            }

            return Report(result);
        }
    }

    private int Report(FleetRow result)
    {
        console.Error.WriteLine(result.State switch
        {
            FleetRunState.Succeeded => $"Fleet {result.FleetId} succeeded.",
            FleetRunState.Failed => $"Fleet {result.FleetId} finished with failed clusters (within the stages' failure budgets): alu fleet status {result.FleetId} --db ...",
            _ => $"Fleet {result.FleetId} {result.State.ToString().ToLowerInvariant()}: {result.HaltReason}",
        });
        return result.State switch
        {
            FleetRunState.Succeeded => ExitCodes.Success,
            FleetRunState.Stopped => Engine.Execution.RunExitCodes.Paused,
            _ => ExitCodes.Failed,
        };
    }

    private static async Task PreApproveAsync(FleetStore store, FleetRunSeed seed, IReadOnlyList<string> approve, CancellationToken cancellationToken)
    {
        var stages = approve.Contains(FleetStageNames.Every) ? seed.Stages.Select(s => s.Name) : approve;
        foreach (var stage in stages)
        {
            await store.PreApproveAsync(seed.FleetId, stage, $"{Environment.UserName} (--approve)", DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        }
    }
}
