namespace AzureLocalUpgrade.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_FolderOfValidDocuments_ShouldExitZeroAndListEachFile()
    {
        var run = await CliRun.Of(CliRun.FeatureTour(), "validate", ".");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("ok     runbook.yaml").And.Contain("ok     cluster.yaml").And.Contain("ok     fragments/registry-keys.yaml");
    }

    [Fact]
    public async Task Validate_BrokenRunbook_ShouldExitTwoWithPathLineColumnAndCode()
    {
        var folder = Directory.CreateTempSubdirectory("alu-validate-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "broken.yaml"), "apiVersion: azurelocal.upgrade/v1\nkind: Runbook\nmetadata:\n  name: Not Kebab\n");

        var run = await CliRun.Of(folder.FullName, "validate", "broken.yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().MatchRegex(@"broken\.yaml:\d+:\d+: error ALU\d{4}: ");
        run.Error.Should().NotContain("   at ");
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Validate_JsonFormatTwice_ShouldPrintTheSameJsonDocument()
    {
        var folder = Directory.CreateTempSubdirectory("alu-validate-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "broken.yaml"), "apiVersion: azurelocal.upgrade/v1\nkind: Runbook\nsteps: 3\n");

        var first = await CliRun.Of(folder.FullName, "validate", "broken.yaml", "--format", "json");
        var second = await CliRun.Of(folder.FullName, "validate", "broken.yaml", "--format", "json");

        first.ExitCode.Should().Be(2);
        first.Out.TrimStart().Should().StartWith("{").And.Contain("\"file\": \"broken.yaml\"");
        second.Out.Should().Be(first.Out);
        folder.Delete(recursive: true);
    }
}
