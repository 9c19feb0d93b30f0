using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu plan RUNBOOK --cluster FILE</c>: validate, bind parameters, compile and print what a run would do.
/// <c>--out plan.json</c> also saves the json plan, whose hash approval files quote.
/// </summary>
public sealed class PlanCommand(CliConsole console)
{
    public sealed record Request(string Runbook, string Cluster, IReadOnlyList<string> Set, string? ParamsFile, string Format, string? OutFile)
    {
        /// <summary><c>--window</c>: also show which node groups fit (a preview; never part of the saved plan).</summary>
        public string? Window { get; init; }

        public string? TimeZone { get; init; }

        /// <summary><c>--start</c>: when the run would start (default: now).</summary>
        public DateTimeOffset? Start { get; init; }

        /// <summary><c>--detail</c>: list every node's steps instead of each per-node group once.</summary>
        public bool Detail { get; init; }

        /// <summary><c>--detailed-exitcode</c>: 0 nothing to do, 2 steps to run, invalid input 1 (<see cref="DetailedExitCode"/>).</summary>
        public bool DetailedExitCode { get; init; }

        /// <summary>What the output is keyed by in the remembered-plan cache: the format and the view.</summary>
        public string View => Detail ? Format + "+detail" : Format;
    }

    public static Command Create(CliConsole console)
    {
        var runbook = new Argument<string>("runbook") { Description = "The runbook file, or a saved plan.json to show (as alu show)." };
        var cluster = new Option<string>("--cluster", "-c") { Description = "The cluster inventory file (required with a runbook)." };
        var set = new Option<string[]>("--set") { Description = "A parameter value, name=value (repeatable; wins over --params)." };
        var paramsFile = new Option<string?>("--params") { Description = "A YAML or JSON file of parameter values." };
        var format = CommonOptions.Format([.. PlanRenderers.Formats]);
        var outFile = new Option<string?>("--out", "-o") { Description = "Also save the json plan to this file (approval files bind to its hash)." };
        var window = new Option<string?>("--window") { Description = "Also show which node groups fit in this maintenance window, e.g. \"Sat 22:00-Sun 06:00\"." };
        var timeZone = new Option<string?>("--time-zone") { Description = "Time zone of a weekly --window (default UTC)." };
        var start = new Option<DateTimeOffset?>("--start") { Description = "With --window: when the run would start (default: now)." };
        var detail = new Option<bool>("--detail") { Description = "List every node's steps (text), instead of each per-node group once with its node list." };
        var detailedExitCode = Output.DetailedExitCode.Option();
        var command = new Command("plan", "Show what a run would do: steps per node, bound values, gates, estimates.")
        {
            runbook, cluster, set, paramsFile, format, outFile, window, timeZone, start, detail, detailedExitCode,
        };
        command.SetAction(parse => new PlanCommand(console).RunOrShow(new Request(
            parse.GetValue(runbook)!, parse.GetValue(cluster)!, parse.GetValue(set) ?? [], parse.GetValue(paramsFile), parse.GetValue(format)!, parse.GetValue(outFile))
        {
            Window = parse.GetValue(window),
            TimeZone = parse.GetValue(timeZone),
            Start = parse.GetValue(start),
            Detail = parse.GetValue(detail),
            DetailedExitCode = parse.GetValue(detailedExitCode),
        }));
        return command;
    }

    /// <summary>A saved plan is shown (as <c>alu show</c>); a runbook is planned, which needs <c>--cluster</c>.</summary>
    public int RunOrShow(Request request)
    {
        if (SavedPlan.IsPlanFile(request.Runbook))
        {
            if (!ShowCommand.Formats.Contains(request.Format))
            {
                console.Error.WriteLine($"alu: error: a saved plan is shown as {string.Join(", ", ShowCommand.Formats)}, not {request.Format}.\n  hint: plan the runbook again for another format.");
                return Output.DetailedExitCode.Of(ExitCodes.InvalidInput, null, request.DetailedExitCode);
            }

            return new ShowCommand(console).Run(new ShowCommand.Request(request.Runbook, request.Format, request.Detail, request.DetailedExitCode));
        }

        if (string.IsNullOrEmpty(request.Cluster))
        {
            console.Error.WriteLine("alu: error: planning a runbook needs --cluster FILE (the cluster inventory).\n  hint: alu plan RUNBOOK --cluster FILE, or alu plan plan.json to show a saved plan.");
            return Output.DetailedExitCode.Of(ExitCodes.InvalidInput, null, request.DetailedExitCode);
        }

        return Run(request);
    }

    public int Run(Request request)
    {
        // --detailed-exitcode needs the plan's counts, which a remembered text does not carry.
        var remembered = request.DetailedExitCode ? null : RememberedPlan.For(PlanOutputCache.User, console.WorkingDirectory, request.View, console.FullPath(request.Runbook), console.FullPath(request.Cluster),
            request.ParamsFile is null ? null : console.FullPath(request.ParamsFile), request.Set, request.OutFile is not null, request.Window is not null);
        using var rememberedText = remembered?.TryOpen();
        if (rememberedText is not null)
        {
            console.WriteOut(rememberedText);
            PhaseTimings.Mark("remembered plan");
            return ExitCodes.Success;
        }

        return Plan(request, remembered);
    }

    private int Plan(Request request, RememberedPlan? remembered)
    {
        var diagnosticFormat = CommonOptions.DiagnosticFormat(request.Format);
        var bag = new DiagnosticBag();
        var graph = Compile(request, bag);
        if (graph is not null && NotApplicable(request, graph) is { Count: > 0 } refusals)
        {
            // Not a plan: the inventory says this upgrade does not apply, which is a precondition, not bad input.
            new DiagnosticRenderer(console).Render([.. bag.Items, .. refusals], diagnosticFormat);
            return RunExitCodes.PreconditionFailed;
        }

        var plan = graph is null ? null : BuildPlan(request, graph);
        var windowFit = graph is null ? null : WindowPreview(request, graph, bag);
        var renderer = new DiagnosticRenderer(console);
        if (plan is null || bag.HasErrors)
        {
            renderer.Render(bag.Items, diagnosticFormat);
            return Output.DetailedExitCode.Of(ExitCodes.InvalidInput, null, request.DetailedExitCode);
        }

        // Warnings go to stderr so stdout stays exactly the plan.
        renderer.Render(bag.Items, OutputFormat.Text);
        var text = PlanRenderers.Find(request.Format, request.Detail)!.Render(plan);
        PhaseTimings.Mark("render");
        console.Out.Write(text);
        PhaseTimings.Mark("write");
        if (bag.Items.Count == 0)
        {
            // Only a clean plan: a remembered one prints nothing on stderr.
            remembered?.Remember(graph!.SourceHashes, text);
        }

        if (windowFit is not null)
        {
            // Text and markdown carry the preview; machine formats keep stdout exactly the plan.
            (request.Format is "text" or "markdown" ? console.Out : console.Error).Write(windowFit);
        }

        var code = request.OutFile is null ? ExitCodes.Success : Save(plan, graph!, request);
        return Output.DetailedExitCode.Of(code, plan, request.DetailedExitCode);
    }

    private int Save(Plan plan, StepGraph graph, Request request)
    {
        var outFile = request.OutFile!;
        try
        {
            if (PlanSources.Collect(graph.SourceHashes, console.FullPath(request.Runbook), console.FullPath(request.Cluster)) is not { } sources)
            {
                console.Error.WriteLine("alu: error: a source file changed while the plan was being made; the plan was not saved.\n  hint: run alu plan again.");
                return ExitCodes.InvalidInput;
            }

            var hash = PlanFile.Save(plan, console.FullPath(outFile), sources);
            // The change ticket carries the summary; this is its attachment: every node's steps with their scripts.
            var attachment = Path.ChangeExtension(console.FullPath(outFile), ".full.md");
            File.WriteAllText(attachment, new MarkdownPlanRenderer().Render(plan));
            console.Error.WriteLine($"Saved plan to {console.DisplayPath(outFile)} ({hash}); the full listing for the ticket: {console.DisplayPath(attachment)}");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"alu: error: cannot write the plan to {console.DisplayPath(outFile)}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    private IReadOnlyList<Diagnostic> NotApplicable(Request request, StepGraph graph)
    {
        var refusals = new DiagnosticBag();
        Applicability.Check(graph, console.DisplayPath(request.Runbook), refusals);
        return refusals.Items;
    }

    private StepGraph? Compile(Request request, DiagnosticBag bag)
    {
        var paramsFile = request.ParamsFile is null ? null : console.FullPath(request.ParamsFile);
        return RunbookCompilation.Compile(console.FullPath(request.Runbook), console.FullPath(request.Cluster), request.Set, paramsFile, bag);
    }

    private Plan BuildPlan(Request request, StepGraph graph)
    {
        // Paths in the plan body are relative to where the plan is saved, so the saved plan can be moved with its files.
        var baseDirectory = request.OutFile is null ? console.WorkingDirectory : Path.GetDirectoryName(console.FullPath(request.OutFile))!;
        var plan = PlanBuilder.Build(graph, PlanOrigin.Relative(console.FullPath(request.Runbook), console.FullPath(request.Cluster), baseDirectory));
        PhaseTimings.Mark("plan");
        return plan;
    }

    private static string? WindowPreview(Request request, StepGraph graph, DiagnosticBag bag)
    {
        if (request.Window is null)
        {
            return null;
        }

        if (!MaintenanceWindowParser.TryParse(request.Window, request.TimeZone, out var window, out var error))
        {
            bag.Add(RunInputDiagnostics.WindowInvalid(request.Window, error));
            return null;
        }

        var start = request.Start ?? DateTimeOffset.UtcNow;
        return WindowFitText.Render(WindowFit.Forecast(graph, window!, start), window!, start);
    }
}
