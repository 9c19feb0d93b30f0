using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Cli.Telemetry;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Approvals;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// The part of <c>alu run</c> and <c>alu resume</c> that executes: opens the cluster (simulated or real), picks the
/// event stream and the approval source (a prompt only when a person is at a terminal), turns SIGTERM/Ctrl+C into
/// a resumable stop, maps lock conflicts to exit 4, and writes the run's report when it returns.
/// </summary>
public sealed class RunSession(CliConsole console, string stateDirectory, LogFormat logFormat, FaultScenario? scenario)
{
    /// <param name="graph">The graph about to run, for the live display's totals, node grid and ETA.</param>
    public async Task<int> ExecuteAsync(ClusterInventory inventory, Func<RunCoordinator, CancellationToken, Task<RunResult>> run, StepGraph? graph = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(run);
        if (StateDirectoryCheck.Writable(stateDirectory) is { } notWritable)
        {
            new Output.DiagnosticRenderer(console).Render([notWritable], logFormat == LogFormat.Json ? Output.OutputFormat.Json : Output.OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        var interactive = console.IsSystemConsole && logFormat == LogFormat.Text && TerminalDetection.CanPrompt;
        using var loggers = CliLogging.Create(logFormat);
        using var tracing = OtelSetup.TryStart(console.Error);
        await using var environment = TargetEnvironment.Open(inventory, stateDirectory, scenario, loggers);
        using var signals = new CancellationSignals();
        RunResult result;
        // On a terminal the live display ends with the run's summary; it is not printed a second time below.
        var live = logFormat == LogFormat.Text && console.IsSystemConsole && TerminalDetection.StdoutIsTerminal;
        using (var sink = EventSinkFactory.Create(logFormat, console.IsSystemConsole && TerminalDetection.StdoutIsTerminal, console.Out, console.Error, CliLogging.EventsRequested ? loggers : null, graph is null ? null : RunOutline.Of(graph)))
        {
            var settings = new RunCoordinatorSettings(
                stateDirectory,
                environment.Host,
                environment.Clock,
                TimeProvider.System,
                interactive ? new TerminalApprovalSource(console.HumanError) : UnattendedApprovalSource.Instance,
                sink,
                JournalDurability: environment.Simulation is null ? JournalDurability.PowerLoss : JournalDurability.ProcessCrash);
            try
            {
                result = await run(new RunCoordinator(settings), signals.Token).ConfigureAwait(false);
            }
            catch (LockHeldException held)
            {
                console.Error.WriteLine($"alu: error: cluster {inventory.Name} is in use: {held.Message}");
                return RunExitCodes.LockHeld;
            }
            catch (ClaimLostException lost)
            {
                console.Error.WriteLine($"alu: error: {lost.Message} See the run with: alu status");
                return RunExitCodes.LockHeld;
            }
        }

        RunReports.Publish(stateDirectory, result, environment.Simulation, console);
        if (!live)
        {
            console.Error.WriteLine(result.Summary);
        }

        console.Error.WriteLine($"PowerShell runspaces opened: {environment.Host.RunspacesOpened} (one per target, reused by every step on it and opened again after the target restarted)");
        if (environment.Simulation is { } simulation)
        {
            console.Error.WriteLine($"Simulated cluster state: {console.DisplayPath(simulation.StateFilePath)} (alu status {result.RunId} shows its nodes)");
        }

        return result.ExitCode;
    }
}
