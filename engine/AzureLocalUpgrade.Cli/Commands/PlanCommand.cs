using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu plan RUNBOOK --cluster FILE</c>: validate, bind parameters, compile and print what a run would do.
/// <c>--out plan.json</c> also saves the json plan, whose hash approval files quote.
/// </summary>
public sealed class PlanCommand(CliConsole console)
{
    public sealed record Request(string Runbook, string Cluster, IReadOnlyList<string> Set, string? ParamsFile, string Format, string? OutFile);

    public static Command Create(CliConsole console)
    {
        var runbook = new Argument<string>("runbook") { Description = "The runbook file." };
        var cluster = new Option<string>("--cluster", "-c") { Description = "The cluster inventory file.", Required = true };
        var set = new Option<string[]>("--set") { Description = "A parameter value, name=value (repeatable; wins over --params)." };
        var paramsFile = new Option<string?>("--params") { Description = "A YAML or JSON file of parameter values." };
        var format = CommonOptions.Format([.. PlanRenderers.Formats]);
        var outFile = new Option<string?>("--out", "-o") { Description = "Also save the json plan to this file (approval files bind to its hash)." };
        var command = new Command("plan", "Show what a run would do: steps per node, bound values, gates, estimates.")
        {
            runbook, cluster, set, paramsFile, format, outFile,
        };
        command.SetAction(parse => new PlanCommand(console).Run(new Request(
            parse.GetValue(runbook)!, parse.GetValue(cluster)!, parse.GetValue(set) ?? [], parse.GetValue(paramsFile), parse.GetValue(format)!, parse.GetValue(outFile))));
        return command;
    }

    public int Run(Request request)
    {
        var diagnosticFormat = CommonOptions.DiagnosticFormat(request.Format);
        var bag = new DiagnosticBag();
        var plan = BuildPlan(request, bag);
        var renderer = new DiagnosticRenderer(console);
        if (plan is null)
        {
            renderer.Render(bag.Items, diagnosticFormat);
            return ExitCodes.InvalidInput;
        }

        // Warnings go to stderr so stdout stays exactly the plan.
        renderer.Render(bag.Items, OutputFormat.Text);
        var text = PlanRenderers.Find(request.Format)!.Render(plan);
        PhaseTimings.Mark("render");
        console.Out.Write(text);
        PhaseTimings.Mark("write");
        return request.OutFile is null ? ExitCodes.Success : Save(plan, request.OutFile);
    }

    private int Save(Plan plan, string outFile)
    {
        try
        {
            var hash = PlanFile.Save(plan, console.FullPath(outFile));
            console.Error.WriteLine($"Saved plan to {console.DisplayPath(outFile)} ({hash})");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"alu: error: cannot write the plan to {console.DisplayPath(outFile)}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    private Plan? BuildPlan(Request request, DiagnosticBag bag)
    {
        var runbookPath = console.FullPath(request.Runbook);
        var clusterPath = console.FullPath(request.Cluster);
        var paramsFile = request.ParamsFile is null ? null : console.FullPath(request.ParamsFile);
        var graph = RunbookCompilation.Compile(runbookPath, clusterPath, request.Set, paramsFile, bag);
        if (graph is null)
        {
            return null;
        }

        // Paths in the plan body are relative to where the plan is saved, so the saved plan can be moved with its files.
        var baseDirectory = request.OutFile is null ? console.WorkingDirectory : Path.GetDirectoryName(console.FullPath(request.OutFile))!;
        var plan = PlanBuilder.Build(graph, PlanOrigin.Relative(runbookPath, clusterPath, baseDirectory));
        PhaseTimings.Mark("plan");
        return plan;
    }
}
