using System.CommandLine;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Selection;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// `alu select --cluster FILE [--to 23H2|24H2] [--format text|json] [--runbooks DIR]`: which shipped runbooks
/// apply to a cluster, and why the others do not. Exit 0 when at least one applies, 2 on invalid input,
/// 5 (precondition failed) when none applies.
/// </summary>
public static class SelectCommand
{
    public const int ExitApplies = 0;
    public const int ExitInvalidInput = 2;
    public const int ExitNoneApplies = 5;

    /// <summary>The version of <c>alu select --format json</c>.</summary>
    public const int FormatVersion = 1;

    public static Command Create()
    {
        var cluster = new Option<FileInfo>("--cluster", "-c") { Description = "Cluster inventory file (YAML).", Required = true };
        var target = new Option<string?>("--to") { Description = "Only runbooks that install this release." };
        target.AcceptOnlyFromAmong([.. RunbookSelector.Targets]);
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var runbooks = RunbooksFolderLocator.Option();

        var command = new Command("select", "Show which shipped runbooks apply to a cluster, and why the others do not.")
        {
            cluster, target, format, runbooks,
        };
        command.SetAction(parse => Run(
            parse.GetValue(cluster)!, parse.GetValue(target), parse.GetValue(format) ?? "text", parse.GetValue(runbooks),
            Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo clusterFile, string? target, string format, DirectoryInfo? runbooksFolder, TextWriter output, TextWriter errors)
    {
        var folder = runbooksFolder?.FullName ?? DefaultRunbooksFolder();
        if (folder is null || !Directory.Exists(folder))
        {
            errors.WriteLine("alu select: no runbooks folder found; pass --runbooks DIR.");
            return ExitInvalidInput;
        }

        if (!clusterFile.Exists)
        {
            errors.WriteLine($"alu select: {clusterFile.FullName}: file not found.");
            return ExitInvalidInput;
        }

        var diagnostics = new DiagnosticBag();
        var inventory = InventoryLoader.Load(clusterFile.FullName, diagnostics);
        foreach (var diagnostic in diagnostics.Items)
        {
            errors.WriteLine(diagnostic.ToString());
        }

        if (inventory is null || diagnostics.HasErrors)
        {
            return ExitInvalidInput;
        }

        var verdicts = RunbookSelector.Select(inventory, RunbookCatalog.Scan(folder), target);
        if (format == "json")
        {
            WriteJson(inventory.Name, verdicts, output);
        }
        else
        {
            WriteText(inventory.Name, verdicts, output);
        }

        return verdicts.Any(v => v.Applies) ? ExitApplies : ExitNoneApplies;
    }

    private static void WriteText(string clusterName, IReadOnlyList<RunbookVerdict> verdicts, TextWriter output)
    {
        output.WriteLine($"Runbooks for {clusterName}:");
        foreach (var verdict in verdicts)
        {
            var r = verdict.Runbook;
            output.WriteLine($"{(verdict.Applies ? "applies " : "refused ")} {r.Path}  ({r.From} -> {r.To}, {r.Method}, {r.Name} {r.Version})");
            foreach (var finding in verdict.Findings)
            {
                output.WriteLine($"    {finding.Kind.ToString().ToLowerInvariant(),-8} {finding.Code}: {finding.Message}");
            }
        }
    }

    private static void WriteJson(string clusterName, IReadOnlyList<RunbookVerdict> verdicts, TextWriter output)
    {
        // formatVersion first, as in every machine output of alu; the rule for bumping it is in docs/events.md.
        var document = new
        {
            formatVersion = FormatVersion,
            cluster = clusterName,
            runbooks = verdicts.Select(v => new
            {
                path = v.Runbook.Path,
                name = v.Runbook.Name,
                version = v.Runbook.Version,
                from = v.Runbook.From,
                to = v.Runbook.To,
                method = v.Runbook.Method,
                applies = v.Applies,
                findings = v.Findings.Select(f => new { kind = f.Kind.ToString().ToLowerInvariant(), code = f.Code, message = f.Message }),
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string? DefaultRunbooksFolder() =>
        RunbooksFolderLocator.Find(Environment.CurrentDirectory, AppContext.BaseDirectory);
}
