using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Planning;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu run RUNBOOK|PLAN.json</c>: compile (or check a saved plan still matches its sources), then execute on the
/// cluster. With <c>--continue</c> a scheduler resumes the cluster's paused or interrupted run of the same graph
/// instead of starting another.
/// </summary>
public sealed class RunCommand(CliConsole console)
{
    public sealed record Request(string Target, string? Cluster, string? ParamsFile, bool Continue, ExecutionInput Execution);

    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("runbook-or-plan") { Description = "A runbook file, or a plan saved with alu plan --out (applied exactly, or refused when its sources changed)." };
        var cluster = new Option<string?>("--cluster", "-c") { Description = "The cluster inventory file (required for a runbook; a saved plan names its own)." };
        var paramsFile = new Option<string?>("--params") { Description = "A YAML or JSON file of parameter values." };
        var resume = new Option<bool>("--continue") { Description = "Resume this cluster's paused or interrupted run of the same graph if there is one (for schedulers)." };
        var shared = new ExecutionOptions();
        var command = new Command("run", "Run a runbook or a saved plan on a cluster, node by node; resumable.") { target, cluster, paramsFile, resume };
        foreach (var option in shared.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => new RunCommand(console).RunAsync(new Request(
            parse.GetValue(target)!, parse.GetValue(cluster), parse.GetValue(paramsFile), parse.GetValue(resume), shared.Read(parse))));
        return command;
    }

    public async Task<int> RunAsync(Request request)
    {
        var bag = new DiagnosticBag();
        var stateDirectory = StateDirectoryLocator.Resolve(request.Execution.StateDir, console.WorkingDirectory);
        var compiled = Compile(request, bag);
        var options = compiled is null ? null : RunPreparation.Options(request.Execution, compiled.Graph, compiled.PlanHash, console, bag);
        var scenario = RunPreparation.Scenario(request.Execution.ScenarioFile, console, bag);
        if (compiled is null || options is null || bag.HasErrors)
        {
            new DiagnosticRenderer(console).RenderForRun(bag.Items, request.Execution.LogFormat);
            return ExitCodes.InvalidInput;
        }

        new DiagnosticRenderer(console).RenderForRun(bag.Items, request.Execution.LogFormat);
        var previous = request.Continue ? PreviousRun(stateDirectory, compiled.Graph) : null;
        if (previous is { State: RunState.Succeeded or RunState.Failed or RunState.PreconditionFailed })
        {
            // A scheduler fires again and again: a finished graph is never started a second time behind its back.
            var exitCode = previous.ExitCode ?? ExitCodes.Failed;
            var message = previous.State == RunState.Succeeded
                ? $"Run {previous.RunId} already applied this; nothing to do."
                : $"Run {previous.RunId} of this ended {previous.State} (exit {previous.ExitCode}); a person decides: fix the cause and `alu resume {previous.RunId}`, or start afresh without --continue.";
            NothingStarted.Report(console, request.Execution.LogFormat, previous.RunId, message, exitCode);
            return exitCode;
        }

        var resumable = previous?.RunId;
        var session = new RunSession(console, stateDirectory, request.Execution.LogFormat, scenario);
        return await session.ExecuteAsync(compiled.Graph.Cluster, (coordinator, ct) => resumable is null
            ? coordinator.StartAsync(compiled.Graph, compiled.RunbookPath, options, ct)
            : coordinator.ResumeAsync(resumable, compiled.Graph, options, ct), compiled.Graph).ConfigureAwait(false);
    }

    private sealed record Compiled(StepGraph Graph, string RunbookPath, string? PlanHash);

    private Compiled? Compile(Request request, DiagnosticBag bag)
    {
        var target = console.FullPath(request.Target);
        var paramsFile = request.ParamsFile is null ? null : console.FullPath(request.ParamsFile);
        if (!SavedPlan.IsPlanFile(target))
        {
            if (request.Cluster is null)
            {
                bag.Add(new Diagnostic(RunInputCodes.PlanUnreadable, Severity.Error, Engine.Text.SourceSpan.None, "Running a runbook needs --cluster FILE.", "Or run a saved plan: alu plan RUNBOOK --cluster FILE --out plan.json"));
                return null;
            }

            var graph = RunbookCompilation.Compile(target, console.FullPath(request.Cluster), request.Execution.Set, paramsFile, bag);
            return graph is null ? null : new Compiled(graph, target, null);
        }

        return CompileSavedPlan(target, request, paramsFile, bag);
    }

    /// <summary>A saved plan runs only if its sources are unchanged and compiling them again gives the same plan bytes.</summary>
    private Compiled? CompileSavedPlan(string planPath, Request request, string? paramsFile, DiagnosticBag bag)
    {
        if (SavedPlan.Read(planPath, bag) is not { } saved || Locate(saved, request, bag) is not { } plan)
        {
            return null;
        }

        SavedPlanVerifier.Verify(plan, console.DisplayPath, bag);
        if (bag.HasErrors)
        {
            return null;
        }

        var graph = RunbookCompilation.Compile(plan.RunbookPath, plan.InventoryPath, [.. plan.SetArgs, .. request.Execution.Set], paramsFile, bag);
        if (graph is null)
        {
            return null;
        }

        var again = PlanFile.Hash(PlanFile.Serialize(PlanBuilder.Build(graph, PlanOrigin.Relative(plan.RunbookPath, plan.InventoryPath, Path.GetDirectoryName(planPath)!))));
        if (again != plan.Hash)
        {
            bag.Add(RunInputDiagnostics.PlanNotReproducible(console.DisplayPath(planPath), plan.Hash, again));
            return null;
        }

        return new Compiled(graph, plan.RunbookPath, plan.Hash);
    }

    /// <summary>
    /// Where the plan's files are now. The inventory given with --cluster wins; otherwise the files at the paths the
    /// plan recorded (relative to the plan) are used when they exist, and are then checked for edits; a plan moved
    /// away from them (copied to a scheduler's folder) uses the copies it carries, written out under the state folder.
    /// </summary>
    private SavedPlan? Locate(SavedPlan plan, Request request, DiagnosticBag bag)
    {
        var located = plan;
        var runbookMissing = !File.Exists(plan.RunbookPath);
        var inventoryMissing = !File.Exists(plan.InventoryPath) && request.Cluster is null;
        if ((runbookMissing || inventoryMissing) && plan.Sources.Count > 0)
        {
            var folder = Path.Combine(StateDirectoryLocator.Resolve(request.Execution.StateDir, console.WorkingDirectory),
                "plans", plan.Hash.Replace("sha256:", "", StringComparison.Ordinal)[..16]);
            if (PlanSources.Materialize(plan, folder, bag) is not { } copies)
            {
                return null;
            }

            located = plan with
            {
                RunbookPath = runbookMissing ? copies.Runbook : plan.RunbookPath,
                InventoryPath = inventoryMissing ? copies.Inventory : plan.InventoryPath,
            };
        }

        // An inventory named on the command line is the one to use wherever the plan was made; drift is still refused.
        return request.Cluster is { } cluster ? located with { InventoryPath = console.FullPath(cluster) } : located;
    }

    /// <summary>
    /// The newest run of this cluster compiled from the same graph, if any (<c>--continue</c>): paused or
    /// interrupted ones are resumed (a running one too: the lock then answers exit 4, naming it), finished ones
    /// are not started again.
    /// </summary>
    private static RunSummary? PreviousRun(string stateDirectory, StepGraph graph)
    {
        var fingerprint = StepGraphFingerprint.Of(graph);
        return new RunStatusReader(stateDirectory).ListRuns()
            .Where(r => r.Cluster == graph.Cluster.Name)
            .OrderByDescending(r => r.RunId, StringComparer.Ordinal)
            .FirstOrDefault(r => FingerprintOf(stateDirectory, r.RunId) == fingerprint);
    }

    // A run whose run.json is gone or damaged cannot be resumed, so it is never the one to continue.
    private static string? FingerprintOf(string stateDirectory, string runId)
    {
        try
        {
            return RunFolder.Open(stateDirectory, runId).ReadManifest().GraphFingerprint;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
