namespace AzureLocalUpgrade.Cli.Tests.Install;

public sealed class RunbooksFolderOptionTests
{
    [Fact]
    public async Task Runbooks_lists_the_folder_given_with_the_runbooks_option_from_a_folder_with_no_runbooks_above_it()
    {
        var empty = Directory.CreateTempSubdirectory("alu-empty-");
        var shipped = Path.Combine(Harness.AluProcess.RepositoryRoot, "runbooks");

        var run = await CliRun.Of(empty.FullName, "runbooks", "--runbooks", shipped, "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("\"name\": \"os-22h2-to-23h2-cau\"");
        empty.Delete(recursive: true);
    }

    [Fact]
    public async Task Runbooks_names_a_runbooks_folder_that_does_not_exist_and_says_what_to_pass()
    {
        var empty = Directory.CreateTempSubdirectory("alu-empty-");
        var missing = Path.Combine(empty.FullName, "no-such-folder");

        var run = await CliRun.Of(empty.FullName, "runbooks", "--runbooks", missing);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(missing).And.Contain("hint: pass --runbooks");
        empty.Delete(recursive: true);
    }
}
