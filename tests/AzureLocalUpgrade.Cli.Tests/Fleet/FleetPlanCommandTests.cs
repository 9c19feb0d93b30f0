using System.Text.Json;
using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Fleet;

/// <summary><c>alu fleet plan</c> run in process: the formats, <c>--out</c> with its hash, and bad input (exit 2, nothing written).</summary>
public sealed class FleetPlanCommandTests : IDisposable
{
    private const string Start = "2026-12-07T00:00:00Z";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-fleet-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public FleetPlanCommandTests() => Directory.CreateDirectory(_folder);

    private static string Root => AluProcess.RepositoryRoot;

    private static string Fleet12 => Path.Combine(Root, "samples", "fleets", "fleet-12.yaml");

    [Fact]
    public async Task FleetPlan_Text_ShouldPrintTheGoldenPlanOfFleet12()
    {
        var run = await CliRun.Of(Root, "fleet", "plan", Fleet12, "--start", Start);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Be(File.ReadAllText(Path.Combine(Root, "tests", "AzureLocalUpgrade.Fleet.Tests", "TestData", "golden", "fleet-12.txt")));
        run.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task FleetPlan_Markdown_ShouldPrintTheGoldenChangeBoardSummary()
    {
        var run = await CliRun.Of(Root, "fleet", "plan", Fleet12, "--start", Start, "--format", "markdown");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Be(File.ReadAllText(Path.Combine(Root, "tests", "AzureLocalUpgrade.Fleet.Tests", "TestData", "golden", "fleet-12.md")));
    }

    [Fact]
    public async Task FleetPlan_Json_ShouldStartWithItsFormatVersionAndCarryItsHash()
    {
        var run = await CliRun.Of(Root, "fleet", "plan", Fleet12, "--start", Start, "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.EnumerateObject().First().Name.Should().Be("formatVersion");
        json.RootElement.GetProperty("formatVersion").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("planHash").GetString().Should().StartWith("sha256:");
        json.RootElement.GetProperty("stages").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task FleetPlan_OutInTwoFolders_ShouldWriteTheSameBytesAndReportTheHashTheFileCarries()
    {
        var first = Path.Combine(_folder, "a", "plan.json");
        var second = Path.Combine(_folder, "b", "c", "plan.json");
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);

        var one = await CliRun.Of(Root, "fleet", "plan", Fleet12, "--start", Start, "--out", first);
        var two = await CliRun.Of(_folder, "fleet", "plan", Fleet12, "--start", Start, "--out", second);

        (one.ExitCode, two.ExitCode).Should().Be((0, 0));
        File.ReadAllBytes(second).Should().Equal(File.ReadAllBytes(first));
        using var json = JsonDocument.Parse(File.ReadAllText(first));
        var hash = json.RootElement.GetProperty("planHash").GetString()!;
        one.Error.Should().Contain(hash);
        one.Out.Should().Contain("Plan hash " + hash);
    }

    [Fact]
    public async Task FleetPlan_BadInput_ShouldExit2WithAPositionedDiagnosticAndWriteNothing()
    {
        var fleet = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(fleet, File.ReadAllText(Fleet12).Replace("timeZone: America/Chicago", "timeZone: Mars/Olympus", StringComparison.Ordinal)
            .Replace("inventories/", Path.Combine(Root, "samples", "fleets", "inventories") + "/", StringComparison.Ordinal));
        var outFile = Path.Combine(_folder, "plan.json");

        var run = await CliRun.Of(_folder, "fleet", "plan", fleet, "--start", Start, "--out", outFile);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("bad.yaml:11:13: error ALU7004:").And.Contain("Mars/Olympus").And.NotContain("   at ");
        run.Out.Should().BeEmpty();
        File.Exists(outFile).Should().BeFalse("bad input writes nothing");
    }

    [Fact]
    public async Task FleetPlan_MissingFleetFile_ShouldExit2()
    {
        var run = await CliRun.Of(_folder, "fleet", "plan", "nowhere.yaml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("ALU1001");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
