using System.Security.Cryptography;

namespace AzureLocalUpgrade.Cli.Tests;

public sealed class PlanCommandTests
{
    private static readonly string Folder = CliRun.FeatureTour();

    [Theory]
    [InlineData("text", "Window estimate (critical path): ")]
    [InlineData("json", "\"formatVersion\": 1")]
    [InlineData("markdown", "# Change plan: feature-tour")]
    [InlineData("mermaid", "flowchart TD")]
    [InlineData("dot", "digraph \"feature-tour\"")]
    public async Task Plan_ValidInputs_ShouldExitZeroAndPrintTheFormat(string format, string expected)
    {
        var run = await CliRun.Of(Folder, "plan", "runbook.yaml", "--cluster", "cluster.yaml", "--params", "params.yaml", "--format", format);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain(expected);
    }

    [Fact]
    public async Task Plan_JsonTwice_ShouldGiveIdenticalBytes()
    {
        var first = await CliRun.Of(Folder, "plan", "runbook.yaml", "--cluster", "cluster.yaml", "--format", "json");
        var second = await CliRun.Of(Folder, "plan", "runbook.yaml", "--cluster", "cluster.yaml", "--format", "json");

        first.ExitCode.Should().Be(0, first.Error);
        second.Out.Should().Be(first.Out);
    }

    [Fact]
    public async Task Plan_BadParameterValue_ShouldExitTwoWithAPositionedDiagnostic()
    {
        var run = await CliRun.Of(Folder, "plan", "runbook.yaml", "--cluster", "cluster.yaml", "--set", "wuConnected=maybe");

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("error ALU2301:");
    }

    [Fact]
    public async Task Plan_MissingInventoryWithJsonFormat_ShouldPrintDiagnosticsAsJsonOnStdout()
    {
        var run = await CliRun.Of(Folder, "plan", "runbook.yaml", "--cluster", "missing.yaml", "--format", "json");

        run.ExitCode.Should().Be(2);
        run.Out.TrimStart().Should().StartWith("{");
        run.Out.Should().Contain("\"code\": \"ALU1001\"");
    }

    [Fact]
    public async Task Plan_WithoutCluster_ShouldBeAUsageErrorWithExitTwo()
    {
        var run = await CliRun.Of(Folder, "plan", "runbook.yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--cluster");
    }

    [Fact]
    public async Task Plan_Out_ShouldSaveTheJsonPlanWithPathsRelativeToItAndPrintItsHash()
    {
        var outFolder = Directory.CreateTempSubdirectory("alu-plan-");
        var outFile = Path.Combine(outFolder.FullName, "plan.json");

        var run = await CliRun.Of(Folder, "plan", "runbook.yaml", "--cluster", "cluster.yaml", "--params", "params.yaml", "--out", outFile);

        run.ExitCode.Should().Be(0, run.Error);
        var bytes = await File.ReadAllBytesAsync(outFile);
        // The hash is of the plan's content (paths and source copies left out), so it is PlanFile.Hash, not the file's.
        run.Error.Should().Contain(AzureLocalUpgrade.Engine.Planning.PlanFile.Hash(bytes));
        var saved = System.Text.Encoding.UTF8.GetString(bytes);
        saved.Should().Contain($"\"path\": \"{Path.GetRelativePath(outFolder.FullName, Path.Combine(Folder, "runbook.yaml")).Replace('\\', '/')}\"");
        saved.Should().Contain("\"secretParameters\": [\n    \"domainPassword\"\n  ]").And.NotContain("Sup3r-Secret-Value");
        outFolder.Delete(recursive: true);
    }
}
