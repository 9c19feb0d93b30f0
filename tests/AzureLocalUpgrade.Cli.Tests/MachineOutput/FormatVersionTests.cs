using System.Runtime.CompilerServices;
using System.Text.Json;
using AzureLocalUpgrade.Cli.Commands;

namespace AzureLocalUpgrade.Cli.Tests.MachineOutput;

/// <summary>A JSON document alu prints for a program carries <c>formatVersion</c> first, so a consumer can check it before reading on.</summary>
public sealed class FormatVersionTests
{
    [Fact]
    public void Select_json_starts_with_format_version_1()
    {
        using var output = new StringWriter();
        var root = RepositoryRoot();

        SelectCommand.Run(new FileInfo(Path.Combine(root, "samples", "clusters", "four-node-22h2.yaml")), null, "json",
            new DirectoryInfo(Path.Combine(root, "runbooks")), output, TextWriter.Null);

        using var json = JsonDocument.Parse(output.ToString());
        var first = json.RootElement.EnumerateObject().First();
        first.Name.Should().Be("formatVersion");
        first.Value.GetInt32().Should().Be(SelectCommand.FormatVersion).And.Be(1);
    }

    [Fact]
    public async Task Validate_json_is_an_object_with_format_version_1_first_and_the_diagnostics()
    {
        var folder = Directory.CreateTempSubdirectory("alu-validate-json-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "broken.yaml"), "apiVersion: azurelocal.upgrade/v1\nkind: Runbook\nsteps: 3\n");

        var run = await CliRun.Of(folder.FullName, "validate", "broken.yaml", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("formatVersion", "diagnostics");
        json.RootElement.GetProperty("formatVersion").GetInt32().Should().Be(Output.DiagnosticRenderer.DocumentFormatVersion).And.Be(1);
        json.RootElement.GetProperty("diagnostics").EnumerateArray().Should().Contain(d => d.GetProperty("file").GetString() == "broken.yaml");
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Validate_json_of_clean_files_has_an_empty_diagnostics_list()
    {
        var run = await CliRun.Of(CliRun.FeatureTour(), "validate", "runbook.yaml", "--format", "json");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("formatVersion").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("diagnostics").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Runbooks_json_is_an_object_with_format_version_1_first_and_the_runbooks()
    {
        var run = await CliRun.Of(RepositoryRoot(), "runbooks", "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("formatVersion", "runbooks");
        json.RootElement.GetProperty("formatVersion").GetInt32().Should().Be(RunbooksCommand.FormatVersion).And.Be(1);
        json.RootElement.GetProperty("runbooks").EnumerateArray().Should().Contain(r => r.GetProperty("name").GetString() == "os-22h2-to-23h2-cau");
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
