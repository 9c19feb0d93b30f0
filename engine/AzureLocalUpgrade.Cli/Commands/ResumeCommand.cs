using System.CommandLine;
using System.Text.Json;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inputs;
using System.Globalization;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu resume RUN</c>: continue a paused, cancelled or interrupted run from its journal, compiled from the files
/// pinned when it started (editing a runbook never changes a run in flight). Secrets are not pinned: pass them again
/// with <c>--set</c>. <c>--retry STEP</c> / <c>--skip STEP</c> decide about a step a crash caught mid-flight.
/// </summary>
public sealed class ResumeCommand(CliConsole console)
{
    public sealed record Request(string RunId, IReadOnlyList<string> Retry, IReadOnlyList<string> Skip, ExecutionInput Execution);

    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "The run id (alu status lists them)." };
        var retry = new Option<string[]>("--retry") { Description = "Run again a step that was interrupted mid-flight (repeatable)." };
        var skip = new Option<string[]>("--skip") { Description = "Treat an interrupted step as done, after checking it by hand (repeatable)." };
        var shared = new ExecutionOptions();
        var command = new Command("resume", "Continue a paused, cancelled or interrupted run.") { run, retry, skip };
        foreach (var option in shared.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => new ResumeCommand(console).RunAsync(new Request(
            parse.GetValue(run)!, parse.GetValue(retry) ?? [], parse.GetValue(skip) ?? [], shared.Read(parse))));
        return command;
    }

    public async Task<int> RunAsync(Request request)
    {
        var bag = new DiagnosticBag();
        var stateDirectory = StateDirectoryLocator.Resolve(request.Execution.StateDir, console.WorkingDirectory);
        if (RunId.Problem(request.RunId) is { } problem)
        {
            bag.Add(InputDiagnostics.InvalidRunId(request.RunId, problem));
        }
        else if (AlreadySucceeded(stateDirectory, request.RunId) is { } done)
        {
            // Nothing is left to do, which is what the person wanted: say so and succeed.
            console.Error.WriteLine($"Run {request.RunId} already succeeded{done}; there is nothing to resume.");
            return ExitCodes.Success;
        }

        var pinned = bag.HasErrors ? null : Pinned(stateDirectory, request, bag);
        var options = pinned is null ? null : RunPreparation.Options(request.Execution, pinned.Value.Graph, pinned.Value.Manifest.PlanHash, console, bag);
        var scenario = RunPreparation.Scenario(request.Execution.ScenarioFile, console, bag);
        if (pinned is not { } run || options is null || bag.HasErrors)
        {
            new DiagnosticRenderer(console).RenderForRun(bag.Items, request.Execution.LogFormat);
            return ExitCodes.InvalidInput;
        }

        options = options with
        {
            RetrySteps = request.Retry.ToHashSet(StringComparer.Ordinal),
            SkipSteps = request.Skip.ToHashSet(StringComparer.Ordinal),
        };
        var session = new RunSession(console, stateDirectory, request.Execution.LogFormat, scenario);
        return await session.ExecuteAsync(run.Graph.Cluster, (coordinator, ct) => coordinator.ResumeAsync(request.RunId, run.Graph, options, ct), run.Graph).ConfigureAwait(false);
    }

    /// <summary>" at 2026-11-23 02:15:00Z" when the run finished with success; null otherwise (or when there is no such run).</summary>
    private static string? AlreadySucceeded(string stateDirectory, string runId)
    {
        try
        {
            var summary = new RunStatusReader(stateDirectory).ReadRun(runId).Summary;
            return summary.State == RunState.Succeeded ? $" (finished {summary.LastRecordAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)})" : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException)
        {
            return null; // Pinned() reports why the run cannot be read
        }
    }

    /// <summary>Compiles the run's pinned runbook with its pinned inventory and parameters (secrets from --set).</summary>
    private static (StepGraph Graph, RunManifest Manifest)? Pinned(string stateDirectory, Request request, DiagnosticBag bag)
    {
        RunFolder folder;
        RunManifest manifest;
        try
        {
            folder = RunFolder.Open(stateDirectory, request.RunId);
        }
        catch (DirectoryNotFoundException)
        {
            bag.Add(RunInputDiagnostics.RunNotFound(request.RunId, stateDirectory));
            return null;
        }

        try
        {
            manifest = folder.ReadManifest();
        }
        catch (RunFileException unusable)
        {
            // The journal is there (alu status lists the run), but what it pinned is not: say exactly that.
            bag.Add(StateDiagnostics.RunFileUnusable(request.RunId, unusable.FilePath, unusable.Missing ? "is missing" : unusable.Reason));
            return null;
        }

        using var parameters = RunFiles.Parse(folder.PinnedParametersPath);
        var setArgs = ParameterArguments.FromJson(parameters.RootElement, manifest.SecretParameters.ToHashSet(StringComparer.Ordinal));
        var secretsOnly = request.Execution.Set.Where(s => manifest.SecretParameters.Any(name => s.StartsWith(name + "=", StringComparison.Ordinal)));
        if (folder.PinnedInventoryPath is not { } inventory)
        {
            bag.Add(RunInputDiagnostics.RunNotFound(request.RunId + " (its inventory was not pinned)", stateDirectory));
            return null;
        }

        var graph = RunbookCompilation.Compile(folder.PinnedRunbookPath, inventory, [.. setArgs, .. secretsOnly], null, bag);
        return graph is null ? null : (graph, manifest);
    }
}
