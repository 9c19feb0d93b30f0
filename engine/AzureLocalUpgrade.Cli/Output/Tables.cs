using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Output;

/// <summary>
/// alu's one table style: Spectre.Console tables, with rounded borders on a terminal and ASCII borders anywhere else
/// (a log, a pipe, a CI console that shows box-drawing characters as mojibake), never wrapped, never coloured.
/// </summary>
public static class Tables
{
    public static Table Create(bool terminal, params string[] headers) =>
        new Table().Border(terminal ? TableBorder.Rounded : TableBorder.Ascii).AddColumns(headers);

    /// <summary>A table as plain text: every cell escaped, one line per row however wide.</summary>
    public static string Render(bool terminal, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = Create(terminal, [.. headers.Select(Markup.Escape)]);
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(cell => Markup.Escape(cell))]);
        }

        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 4096;
        console.Profile.Capabilities.Unicode = terminal;
        console.Write(table);
        return writer.ToString().ReplaceLineEndings("\n");
    }
}
