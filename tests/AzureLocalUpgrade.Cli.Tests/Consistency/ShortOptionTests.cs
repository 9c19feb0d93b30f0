using System.CommandLine;
using System.Text;

namespace AzureLocalUpgrade.Cli.Tests.Consistency;

/// <summary>
/// The same option has the same short form on every command (-c/--cluster, -f/--format, -o/--out, -s/--state-dir),
/// a short form never means two things, and docs/architecture.md's option table is the command tree's.
/// </summary>
public sealed class ShortOptionTests
{
    private static readonly IReadOnlyDictionary<string, string> Canonical = new Dictionary<string, string>
    {
        ["--cluster"] = "-c",
        ["--format"] = "-f",
        ["--out"] = "-o",
        ["--state-dir"] = "-s",
    };

    private static readonly CliConsole Console = new(TextWriter.Null, TextWriter.Null, Directory.GetCurrentDirectory());

    [Fact]
    public void Every_command_gives_a_shared_option_its_one_short_form()
    {
        var missing = Options()
            .Where(o => Canonical.TryGetValue(o.Option.Name, out var alias) && !o.Option.Aliases.Contains(alias))
            .Select(o => $"alu {o.Command} {o.Option.Name} lacks {Canonical[o.Option.Name]}");

        missing.Should().BeEmpty();
    }

    [Fact]
    public void A_short_form_means_one_option_everywhere()
    {
        var meanings = Options()
            .SelectMany(o => o.Option.Aliases.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => (Alias: a, o.Option.Name)))
            .GroupBy(p => p.Alias)
            .Where(g => g.Select(p => p.Name).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Name).Distinct())}");

        meanings.Should().BeEmpty();
    }

    [Fact]
    public void The_option_table_in_the_architecture_document_is_the_command_tree()
    {
        var document = File.ReadAllText(Path.Combine(Harness.AluProcess.RepositoryRoot, "docs", "architecture.md"));

        var table = Table();
        document.Contains(table, StringComparison.Ordinal).Should().BeTrue($"docs/architecture.md, section 'Command-line options', must hold this table:\n{table}");
    }

    private static string Table()
    {
        var text = new StringBuilder("| option | short | commands |\n|---|---|---|\n");
        foreach (var option in Options().GroupBy(o => o.Option.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var shortForm = option.SelectMany(o => o.Option.Aliases).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Distinct().SingleOrDefault() ?? "";
            text.Append($"| `{option.Key}` | {(shortForm.Length == 0 ? "" : $"`{shortForm}`")} | {string.Join(", ", option.Select(o => o.Command).Distinct())} |\n");
        }

        return text.ToString();
    }

    private static IEnumerable<(string Command, Option Option)> Options()
    {
        var root = CliApplication.CreateRootCommand(Console);
        return root.Subcommands.SelectMany(c => Walk(c, c.Name))
            .Where(o => o.Option.Name is not ("--help" or "--verbose" or "--version"));
    }

    private static IEnumerable<(string Command, Option Option)> Walk(Command command, string path) =>
        command.Options.Select(o => (path, o))
            .Concat(command.Subcommands.SelectMany(c => Walk(c, $"{path} {c.Name}")));
}
