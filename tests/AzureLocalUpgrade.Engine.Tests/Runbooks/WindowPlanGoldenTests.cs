using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// Golden <c>alu plan --window</c> text of shipped runbooks: every piece of disruptive work (node groups, the CAU run,
/// the offline update) placed in a dated opening, planned from the simulator's first instant (Mon 2025-06-02 08:00 UTC).
/// Accept an intended change with: ALU_SET_BASELINE=1 dotnet test --filter WindowPlanGoldenTests
/// </summary>
public sealed class WindowPlanGoldenTests
{
    private static readonly DateTimeOffset SimulatorStart = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("22h2-to-23h2/cau.yaml", "four-node-22h2.yaml")]
    [InlineData("22h2-to-23h2/offline.yaml", "four-node-22h2.yaml")]
    [InlineData("22h2-to-23h2/sconfig.yaml", "sixteen-node-22h2.yaml")]
    public void The_window_plan_matches_its_golden_file(string runbook, string cluster)
    {
        MaintenanceWindowParser.TryParse("Sat 22:00-Sun 06:00", "UTC", out var window, out var error).Should().BeTrue(error);
        var graph = RunbookCompilationTests.Compile(runbook, cluster, []);

        var actual = WindowFitText.Render(WindowFit.Place(graph, window!, SimulatorStart), window!, SimulatorStart);

        var expectedPath = Path.Combine(RepositoryPaths.Root, "tests", "AzureLocalUpgrade.Engine.Tests", "TestData", "window-plans",
            runbook.Replace('/', '-').Replace(".yaml", $"-{cluster.Replace(".yaml", "", StringComparison.Ordinal)}.txt", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
        }

        actual.Should().Be(File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "", $"the window plan of {runbook} changed; review the diff of {expectedPath}");
    }
}
