using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Planning.Rendering;
using AzureLocalUpgrade.Fleet.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Tests.Planning;

/// <summary>
/// The text and Markdown plans of samples/fleets/fleet-12.yaml from a fixed start, against golden files
/// (TestData/golden). Accept a reviewed change with: ALU_SET_BASELINE=1 dotnet test --filter FleetPlanGoldenTests
/// </summary>
public sealed class FleetPlanGoldenTests
{
    public static TheoryData<string> Outputs => ["fleet-12.txt", "fleet-12.md"];

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Plan_Fleet12_ShouldMatchTheGoldenFile(string outputFile)
    {
        var plan = SampleFleets.Plan("fleet-12.yaml");
        var hash = FleetPlanJson.Hash(plan);
        var actual = outputFile.EndsWith(".md", StringComparison.Ordinal) ? FleetPlanMarkdownRenderer.Render(plan, hash) : FleetPlanTextRenderer.Render(plan, hash);
        var expectedPath = Path.Combine(RepositoryPaths.TestData, "golden", outputFile);
        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "";
        if (actual != expected)
        {
            var actualPath = Path.Combine(Path.GetTempPath(), "alu-golden-" + outputFile);
            File.WriteAllText(actualPath, actual);
            actual.Should().Be(expected,
                $"the fleet plan changed; review with: git diff --no-index {expectedPath} {actualPath} ; accept with: ALU_SET_BASELINE=1 dotnet test --filter FleetPlanGoldenTests");
        }
    }
}
