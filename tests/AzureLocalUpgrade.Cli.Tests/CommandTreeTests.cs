using System.CommandLine;

namespace AzureLocalUpgrade.Cli.Tests;

/// <summary>The parse tree holds only the named command when the first argument names one, else every command.</summary>
public sealed class CommandTreeTests
{
    private static readonly CliConsole Console = new(TextWriter.Null, TextWriter.Null, Directory.GetCurrentDirectory());

    [Fact]
    public void CommandNames_ShouldBeTheNamesOfTheCommandsTheyCreate()
    {
        CliApplication.CommandNames.Select(name => CliApplication.Create(name, Console).Name).Should().Equal(CliApplication.CommandNames);
    }

    [Fact]
    public void CreateRootCommandFor_ACommandName_ShouldHoldOnlyThatCommand()
    {
        var root = CliApplication.CreateRootCommandFor(Console, ["plan", "runbook.yaml"]);

        root.Subcommands.Select(c => c.Name).Should().Equal("plan");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--verbose", "plan")]
    [InlineData("plna")]
    [InlineData]
    public void CreateRootCommandFor_AnythingElse_ShouldHoldEveryCommand(params string[] args)
    {
        var root = CliApplication.CreateRootCommandFor(Console, args);

        root.Subcommands.Select(c => c.Name).Should().Equal(CliApplication.CommandNames);
    }

    [Fact]
    public async Task RootHelp_ShouldStillListEveryCommand()
    {
        var run = await CliRun.Of(Directory.GetCurrentDirectory(), "--help");

        run.ExitCode.Should().Be(0);
        foreach (var name in CliApplication.CommandNames)
        {
            run.Out.Should().Contain(name);
        }
    }
}
