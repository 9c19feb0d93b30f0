using System.Text.Json;

namespace AzureLocalUpgrade.Cli.Tests.MachineOutput;

/// <summary><c>alu validate --format sarif</c>: a SARIF 2.1.0 log a code-scanning pipeline can upload as it is.</summary>
public sealed class ValidateSarifTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alu-sarif-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_log_is_sarif_2_1_0_with_its_schema_and_one_run_of_the_alu_tool()
    {
        using var sarif = await Sarif("broken.yaml", BadName);

        sarif.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        sarif.RootElement.GetProperty("$schema").GetString().Should().Contain("sarif-2.1.0");
        var run = sarif.RootElement.GetProperty("runs").EnumerateArray().Should().ContainSingle().Subject;
        run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().Should().Be("alu");
    }

    [Fact]
    public async Task A_bad_name_is_a_result_with_its_rule_level_relative_file_line_and_column()
    {
        using var sarif = await Sarif("runbooks/broken.yaml", BadName);

        var run = sarif.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "ALU1105");
        result.GetProperty("level").GetString().Should().Be("error");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("runbooks/broken.yaml");
        location.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(4);
        location.GetProperty("region").GetProperty("startColumn").GetInt32().Should().Be(9);
    }

    [Fact]
    public async Task Every_result_has_a_rule_and_every_rule_is_used()
    {
        using var sarif = await Sarif("broken.yaml", "apiVersion: azurelocal.upgrade/v1\nkind: Runbook\nmetadata:\n  name: Not Kebab\nsteps: 3\n");

        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var used = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).Distinct().ToList();
        rules.Should().BeEquivalentTo(used).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_clean_folder_gives_an_empty_result_list_and_exit_0()
    {
        var run = await CliRun.Of(CliRun.FeatureTour(), "validate", ".", "--format", "sarif");

        run.ExitCode.Should().Be(0, run.Error);
        using var sarif = JsonDocument.Parse(run.Out);
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().Should().Be(0);
    }

    private const string BadName = "apiVersion: azurelocal.upgrade/v1\nkind: Runbook\nmetadata:\n  name: Not Kebab\n";

    private async Task<JsonDocument> Sarif(string relativePath, string content)
    {
        var path = Path.Combine(_folder.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content);
        var run = await CliRun.Of(_folder.FullName, "validate", relativePath, "--format", "sarif");
        run.ExitCode.Should().Be(2);
        return JsonDocument.Parse(run.Out);
    }
}
