using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Cli.Status;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Simulation;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu status [RUN]</c>: every run in the state folder, or one run's steps and leftovers; for a simulated
/// cluster also each node's build, state and counters. <c>--format json</c> is the monitoring contract.
/// Reads only: safe to call while a run is going.
/// </summary>
public sealed class StatusCommand(CliConsole console)
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string?>("run") { Description = "A run id; without it, every run is listed.", Arity = ArgumentArity.ZeroOrOne };
        var stateDir = new Option<string?>("--state-dir", "-s") { Description = "The state folder (as given to alu run)." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("status", "Show runs, one run's steps, and a simulated cluster's nodes.") { run, stateDir, format };
        command.SetAction(parse => new StatusCommand(console).Run(parse.GetValue(run), parse.GetValue(stateDir), parse.GetValue(format)!));
        return command;
    }

    public int Run(string? runId, string? stateDir, string format)
    {
        var stateDirectory = StateDirectoryLocator.Resolve(stateDir, console.WorkingDirectory);
        var reader = new RunStatusReader(stateDirectory);
        var json = format == "json";
        var renderer = new DiagnosticRenderer(console);
        if (runId is null)
        {
            var runs = reader.ListRuns();
            if (runs.Count == 0 && !StateDirectoryCheck.HoldsState(stateDirectory))
            {
                // A mistyped --state-dir must not read as "no runs yet": say the folder is not an alu state folder.
                renderer.Render([StateDiagnostics.NoStateHere(stateDirectory, Directory.Exists(stateDirectory))], OutputFormat.Text);
            }

            console.Out.Write(json ? StatusJson.Runs(runs) : StatusText.Runs(runs, console.OutIsTerminal));
            WriteWarnings(reader);
            return ExitCodes.Success;
        }

        if (RunId.Problem(runId) is { } problem)
        {
            renderer.Render([InputDiagnostics.InvalidRunId(runId, problem)], json ? OutputFormat.Json : OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        RunDetail detail;
        try
        {
            detail = reader.ReadRun(runId);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException or InvalidDataException)
        {
            new DiagnosticRenderer(console).Render([RunInputDiagnostics.RunNotFound(runId, stateDirectory)], json ? OutputFormat.Json : OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        var simulation = SimulatedCluster.ReadSnapshot(stateDirectory, detail.Summary.Cluster);
        console.Out.Write(json ? StatusJson.Run(detail, simulation) : StatusText.Run(detail, simulation, console.OutIsTerminal));
        WriteWarnings(reader);
        return ExitCodes.Success;
    }

    /// <summary>Damaged journal lines go to standard error, so stdout stays the table or the JSON a monitor parses.</summary>
    private void WriteWarnings(RunStatusReader reader)
    {
        foreach (var warning in reader.Warnings)
        {
            console.Error.WriteLine($"alu: warning: {warning}");
        }
    }
}
