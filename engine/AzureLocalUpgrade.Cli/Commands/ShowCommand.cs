using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu show plan.json</c> (also <c>alu plan plan.json</c>): a saved plan as a person or a program reads it, like
/// Terraform's show: its hash (the one approval files quote), whether its sources still match (so <c>alu run</c> would
/// apply it), and the plan itself in text, markdown or json. Reads only.
/// </summary>
public sealed class ShowCommand(CliConsole console)
{
    /// <summary>The version of <c>alu show --format json</c> (docs/events.md says when it changes).</summary>
    public const int FormatVersion = 1;

    public static readonly IReadOnlyList<string> Formats = ["text", "markdown", "json"];

    public sealed record Request(string PlanFile, string Format, bool Detail, bool DetailedExitCode);

    public static Command Create(CliConsole console)
    {
        var plan = new Argument<string>("plan") { Description = "A plan saved with alu plan --out plan.json." };
        var format = CommonOptions.Format([.. Formats]);
        var detail = new Option<bool>("--detail") { Description = "List every node's steps, instead of each per-node group once." };
        var detailed = DetailedExitCode.Option();
        var command = new Command("show", "Show a saved plan: its hash, whether its sources still match, and its steps.") { plan, format, detail, detailed };
        command.SetAction(parse => new ShowCommand(console).Run(new Request(parse.GetValue(plan)!, parse.GetValue(format)!, parse.GetValue(detail), parse.GetValue(detailed))));
        return command;
    }

    public int Run(Request request)
    {
        var planPath = console.FullPath(request.PlanFile);
        var bag = new DiagnosticBag();
        var renderer = new DiagnosticRenderer(console);
        var diagnosticFormat = CommonOptions.DiagnosticFormat(request.Format);
        if (SavedPlan.Read(planPath, bag) is not { } saved || ReadJson(planPath, bag) is not { } json)
        {
            renderer.Render(bag.Items, diagnosticFormat);
            return DetailedExitCode.Of(ExitCodes.InvalidInput, null, request.DetailedExitCode);
        }

        var changes = new DiagnosticBag();
        var state = SavedPlanReplay.StateOf(saved, console.DisplayPath, changes);
        var plan = SavedPlanReplay.Rebuild(saved, SecretNames(json), bag);
        if (plan is null)
        {
            renderer.Render(bag.Items, diagnosticFormat);
            return DetailedExitCode.Of(ExitCodes.InvalidInput, null, request.DetailedExitCode);
        }

        // Why the sources no longer match goes to stderr as warnings: showing the plan succeeded.
        renderer.Render(changes.Items.Select(d => d with { Severity = Severity.Warning }), OutputFormat.Text);
        console.Out.Write(request.Format == "json"
            ? Json(json, saved, state, plan)
            : Header(request.Format, saved, state, plan) + PlanRenderers.Find(request.Format, request.Detail)!.Render(plan));
        if (request.DetailedExitCode && state == SourceState.Changed)
        {
            return ExitCodes.Failed; // the plan can no longer be applied: alu run would refuse it
        }

        return DetailedExitCode.Of(ExitCodes.Success, plan, request.DetailedExitCode);
    }

    private string Header(string format, SavedPlan saved, SourceState state, Plan plan)
    {
        var lines = new[]
        {
            ("Saved plan", console.DisplayPath(saved.PlanPath)),
            ("Plan hash", saved.Hash),
            ("Sources", StateText(state)),
            ("Changes", DetailedExitCode.NothingToDo(plan) ? "none: every step is skipped" : $"{plan.Counts.Total - plan.Counts.Skipped} of {plan.Counts.Total} steps would run"),
        };
        var text = new StringBuilder();
        foreach (var (name, value) in lines)
        {
            text.Append(format == "markdown" ? $"- **{name}:** {value}\n" : $"{name + ":",-12}{value}\n");
        }

        return text.Append('\n').ToString();
    }

    private static string StateText(SourceState state) => state switch
    {
        SourceState.Unchanged => "unchanged: alu run applies this plan as saved",
        SourceState.Moved => "not beside the plan (moved): alu run uses the copies the plan carries",
        _ => "changed since the plan was made (see the warnings): alu run refuses this plan; make it again",
    };

    private string Json(JsonObject saved, SavedPlan plan, SourceState state, Plan rebuilt)
    {
        saved.Remove(PlanFile.SourcesMember);
        var document = new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["file"] = console.DisplayPath(plan.PlanPath),
            ["hash"] = plan.Hash,
            ["sources"] = state.ToString().ToLowerInvariant(),
            ["nothingToDo"] = DetailedExitCode.NothingToDo(rebuilt),
            ["plan"] = saved,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    // Read again after SavedPlan.Read accepted it (within its bounds) for the json view, which prints the plan as saved.
    private static JsonObject? ReadJson(string planPath, DiagnosticBag bag)
    {
        try
        {
            return (JsonObject)JsonNode.Parse(File.ReadAllBytes(planPath))!;
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidCastException)
        {
            bag.Add(RunInputDiagnostics.PlanUnreadable(planPath, ex.Message));
            return null;
        }
    }

    private static List<string> SecretNames(JsonObject plan) =>
        plan["secretParameters"] is JsonArray names ? [.. names.Select(n => n!.GetValue<string>())] : [];
}
