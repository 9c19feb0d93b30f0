using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Engine.Validation;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary><c>alu runbooks</c>: lists the shipped runbooks (kind Runbook under runbooks/) with their upgrade path.</summary>
public sealed class RunbooksCommand(CliConsole console, string executableDirectory)
{
    /// <summary>The version of <c>alu runbooks --format json</c> (docs/events.md says when it changes).</summary>
    public const int FormatVersion = 1;

    private sealed record Entry(string Name, string Version, string? Method, string? From, string? To, string Path, bool Valid);

    public static Command Create(CliConsole console)
    {
        var format = CommonOptions.Format("text", "json");
        var runbooks = RunbooksFolderLocator.Option();
        var command = new Command("runbooks", "List the shipped runbooks: name, version, method, upgrade path, file.") { format, runbooks };
        command.SetAction(parse => new RunbooksCommand(console, AppContext.BaseDirectory)
            .Run(CommonOptions.DiagnosticFormat(parse.GetValue(format)!), parse.GetValue(runbooks)?.FullName));
        return command;
    }

    public int Run(OutputFormat format, string? explicitFolder = null)
    {
        var folder = explicitFolder ?? RunbooksFolderLocator.Find(console.WorkingDirectory, executableDirectory);
        if (folder is null || !Directory.Exists(folder))
        {
            console.Error.WriteLine(folder is null
                ? "alu: error: no runbooks/ folder found above the working directory or beside the alu executable.\n  hint: pass --runbooks DIR."
                : $"alu: error: the runbooks folder {folder} does not exist.\n  hint: pass --runbooks with the folder that holds the runbooks (the shipped ones are beside alu).");
            return ExitCodes.InvalidInput;
        }

        var root = Path.GetDirectoryName(folder)!;
        var entries = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Where(f => DocumentKindSniffer.KindOf(f) == "Runbook")
            .Order(StringComparer.Ordinal)
            .Select(f => EntryOf(f, root))
            .OfType<Entry>()
            .ToList();

        if (format == OutputFormat.Json)
        {
            console.Out.Write(ToJson(entries));
            return ExitCodes.Success;
        }

        var table = Tables.Create(console.OutIsTerminal, "Name", "Version", "Method", "Upgrade", "Path");
        foreach (var entry in entries)
        {
            var name = entry.Valid ? Markup.Escape(entry.Name) : $"{Markup.Escape(entry.Name)} [red](invalid)[/]";
            table.AddRow(name, Markup.Escape(entry.Version), Markup.Escape(entry.Method ?? ""), Markup.Escape($"{entry.From} -> {entry.To}"), Markup.Escape(entry.Path));
        }

        console.Human.Write(table);
        console.Human.MarkupLine($"{entries.Count} runbooks in {Markup.Escape(console.DisplayPath(folder))}");
        return ExitCodes.Success;
    }

    private static Entry? EntryOf(string file, string root)
    {
        var result = CliRunbookValidation.LoadAndValidate(file);
        var metadata = result.Runbook?.Metadata;
        return metadata is null ? null : new Entry(metadata.Name, metadata.Version, metadata.Method, metadata.Upgrade?.From, metadata.Upgrade?.To,
            Path.GetRelativePath(root, file).Replace('\\', '/'), !result.HasErrors);
    }

    private static string ToJson(IReadOnlyList<Entry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteStartArray("runbooks");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("name", entry.Name);
                json.WriteString("version", entry.Version);
                json.WriteString("method", entry.Method);
                json.WriteString("from", entry.From);
                json.WriteString("to", entry.To);
                json.WriteString("path", entry.Path);
                json.WriteBoolean("valid", entry.Valid);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
