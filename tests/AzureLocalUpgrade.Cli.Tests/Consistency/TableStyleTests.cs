using AzureLocalUpgrade.Cli.Output;

namespace AzureLocalUpgrade.Cli.Tests.Consistency;

/// <summary>
/// One table style: Spectre tables with rounded borders on a terminal, ASCII borders anywhere else, one line per
/// row however wide, so a log or a CI console shows them as they are.
/// </summary>
public sealed class TableStyleTests
{
    private static readonly string[] Headers = ["STEP", "STATUS", "WHY"];

    [Fact]
    public void Off_a_terminal_a_table_has_ascii_borders_only()
    {
        var text = Tables.Render(false, Headers, [["drain", "Failed", "timed out"]]);

        text.Should().Contain("| drain | Failed | timed out |").And.Contain("|-------+--------+");
        text.All(c => c < 128).Should().BeTrue(text);
    }

    [Fact]
    public void On_a_terminal_a_table_has_rounded_borders()
    {
        var text = Tables.Render(true, Headers, [["drain", "Failed", "timed out"]]);

        text.Should().Contain("╭").And.Contain("│ drain │");
    }

    [Fact]
    public void A_wide_row_stays_on_one_line()
    {
        var why = new string('x', 300);

        var text = Tables.Render(false, Headers, [["drain", "Failed", why]]);

        text.Split('\n').Should().ContainSingle(line => line.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void Cells_are_text_not_markup()
    {
        var text = Tables.Render(false, Headers, [["[red]drain[/]", "Failed", "x"]]);

        text.Should().Contain("[red]drain[/]");
    }

    [Fact]
    public async Task Runbooks_written_to_a_file_or_pipe_draw_no_box_characters()
    {
        var run = await CliRun.Of(Harness.AluProcess.RepositoryRoot, "runbooks");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("os-22h2-to-23h2-cau").And.Contain("+--");
        run.Out.Any(c => c is >= '\u2500' and <= '\u257F').Should().BeFalse(run.Out);
    }
}
