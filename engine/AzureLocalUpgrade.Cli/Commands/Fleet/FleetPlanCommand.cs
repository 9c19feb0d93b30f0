using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Planning.Rendering;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet plan FLEET [--start ISO] [--format text|json|markdown] [--out plan.json]</c>: the whole fleet's plan
/// (stages, each cluster's runbook, estimate and expected window, refusals) without touching any cluster. Bad input
/// exits 2 with positioned diagnostics and writes nothing; <c>--out</c> saves the json plan with its hash.
/// </summary>
internal sealed class FleetPlanCommand(CliConsole console)
{
    public static readonly string[] Formats = ["text", "json", "markdown"];

    public sealed record Request(string Fleet, DateTimeOffset? Start, string Format, string? OutFile, string? RunbooksFolder);

    public static Command Create(CliConsole console)
    {
        var fleet = new Argument<string>("fleet") { Description = "The fleet file (kind: Fleet)." };
        var start = new Option<DateTimeOffset?>("--start") { Description = "When the fleet would start, ISO 8601 (default: now, to the minute)." };
        var format = CommonOptions.Format(Formats);
        var outFile = new Option<string?>("--out", "-o") { Description = "Also save the json plan, with its hash, to this file." };
        var runbooks = RunbooksFolderLocator.Option();
        var command = new Command("plan", "Show the fleet's plan: stages, each cluster's runbook, estimate and expected window, and the clusters refused.")
        {
            fleet, start, format, outFile, runbooks,
        };
        command.SetAction(parse => new FleetPlanCommand(console).Run(new Request(
            parse.GetValue(fleet)!, parse.GetValue(start), parse.GetValue(format)!, parse.GetValue(outFile), parse.GetValue(runbooks)?.FullName)));
        return command;
    }

    public int Run(Request request)
    {
        var diagnosticFormat = CommonOptions.DiagnosticFormat(request.Format);
        var renderer = new DiagnosticRenderer(console);
        var bag = new DiagnosticBag();
        var folder = request.RunbooksFolder is { } given ? console.FullPath(given) : RunbooksFolderLocator.Find(console.WorkingDirectory, AppContext.BaseDirectory);
        if (folder is null || !Directory.Exists(folder))
        {
            console.Error.WriteLine("alu: error: no runbooks folder found.\n  hint: pass --runbooks DIR, or run alu from the repository or beside a runbooks folder.");
            return ExitCodes.InvalidInput;
        }

        var fleet = FleetLoader.Load(console.FullPath(request.Fleet), bag);
        var start = request.Start ?? TruncatedNow();
        var plan = fleet is null ? null : new FleetPlanner(folder, CliRunbookValidation.ParseCache).Plan(fleet, start.ToUniversalTime(), bag);
        if (plan is null || bag.HasErrors)
        {
            renderer.Render(bag.Sorted(), diagnosticFormat);
            return ExitCodes.InvalidInput;
        }

        // Warnings go to stderr so stdout stays exactly the plan.
        renderer.Render(bag.Sorted(), OutputFormat.Text);
        var (saved, hash) = FleetPlanJson.Saved(plan);
        console.Out.Write(request.Format switch
        {
            "json" => saved,
            "markdown" => FleetPlanMarkdownRenderer.Render(plan, hash),
            _ => FleetPlanTextRenderer.Render(plan, hash),
        });
        return request.OutFile is null ? ExitCodes.Success : Save(request.OutFile, saved, hash);
    }

    private int Save(string outFile, string saved, string hash)
    {
        try
        {
            File.WriteAllText(console.FullPath(outFile), saved);
            console.Error.WriteLine($"Saved fleet plan to {console.DisplayPath(outFile)} ({hash})");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"alu: error: cannot write the fleet plan to {console.DisplayPath(outFile)}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    private static DateTimeOffset TruncatedNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
    }
}
