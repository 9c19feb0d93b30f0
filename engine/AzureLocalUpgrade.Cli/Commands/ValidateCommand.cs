using System.CommandLine;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Validation;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// <c>alu validate PATH...</c>: every layer of checks on runbooks, fragments and cluster inventories. A folder is
/// searched for YAML files whose kind is Runbook, Fragment or Cluster; a file named explicitly is always checked.
/// </summary>
public sealed class ValidateCommand(CliConsole console)
{
    private static readonly string[] Kinds = ["Runbook", "Fragment", "Cluster"];

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Runbook, fragment or inventory files, or folders to search.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format("text", "json", "sarif");
        var command = new Command("validate", "Check runbooks, fragments and cluster inventories without running anything.") { paths, format };
        command.SetAction(parse => string.Equals(parse.GetValue(format), "sarif", StringComparison.OrdinalIgnoreCase)
            ? new ValidateCommand(console).RunSarif(parse.GetValue(paths) ?? [])
            : new ValidateCommand(console).Run(parse.GetValue(paths) ?? [], CommonOptions.DiagnosticFormat(parse.GetValue(format)!)));
        return command;
    }

    public int Run(IReadOnlyList<string> paths, OutputFormat format)
    {
        var files = paths.SelectMany(Expand).Distinct(StringComparer.Ordinal).ToList();
        var all = new List<Diagnostic>();
        foreach (var file in files)
        {
            var diagnostics = Validate(file);
            all.AddRange(diagnostics);
            if (format == OutputFormat.Text)
            {
                var errors = diagnostics.Count(d => d.IsError);
                console.Human.MarkupLine(errors == 0
                    ? $"[green]ok[/]     {Markup.Escape(console.DisplayPath(file))}"
                    : $"[red]failed[/] {Markup.Escape(console.DisplayPath(file))} ({errors} errors)");
            }
        }

        new DiagnosticRenderer(console).Render(all, format);
        if (format == OutputFormat.Text)
        {
            console.Human.MarkupLine(files.Count == 0
                ? "[red]No runbooks, fragments or inventories found.[/]"
                : $"{files.Count} files checked, {all.Count(d => d.IsError)} errors, {all.Count(d => d.Severity == Severity.Warning)} warnings.");
        }

        return files.Count == 0 || all.Any(d => d.IsError) ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    /// <summary>The same checks as SARIF 2.1.0 on stdout, for code-scanning pipelines; the exit code is unchanged.</summary>
    public int RunSarif(IReadOnlyList<string> paths)
    {
        var files = paths.SelectMany(Expand).Distinct(StringComparer.Ordinal).ToList();
        var all = files.SelectMany(Validate).ToList();
        console.Out.Write(new SarifWriter(console).Write(all));
        return files.Count == 0 || all.Any(d => d.IsError) ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    private IEnumerable<string> Expand(string path)
    {
        var full = console.FullPath(path);
        if (!Directory.Exists(full))
        {
            return [full];
        }

        return Directory.EnumerateFiles(full, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => Kinds.Contains(DocumentKindSniffer.KindOf(f)))
            .Order(StringComparer.Ordinal);
    }

    private static IReadOnlyList<Diagnostic> Validate(string file)
    {
        if (DocumentKindSniffer.KindOf(file) == "Cluster")
        {
            var bag = new DiagnosticBag();
            InventoryLoader.Load(file, bag);
            return bag.Items;
        }

        return CliRunbookValidation.LoadAndValidate(file).Diagnostics;
    }
}
