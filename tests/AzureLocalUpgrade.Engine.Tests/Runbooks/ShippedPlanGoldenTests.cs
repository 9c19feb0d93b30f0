using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// Golden text plans of every shipped runbook on the 4-node sample cluster of its source version: any change to a
/// runbook, a fragment or the compiler that changes what would run shows up as a reviewable diff.
/// Accept an intended change with: ALU_SET_BASELINE=1 dotnet test --filter ShippedPlanGoldenTests
/// </summary>
public sealed class ShippedPlanGoldenTests
{
    private static readonly string[] For24H2 = [@"isoPath=C:\ISO\AzureLocal-2505.iso"];

    public static TheoryData<string, string, string[]> Cases() => new()
    {
        { "22h2-to-23h2/cau.yaml", "four-node-22h2.yaml", [] },
        { "22h2-to-23h2/sconfig.yaml", "four-node-22h2.yaml", [] },
        { "22h2-to-23h2/offline.yaml", "four-node-22h2.yaml", [] },
        { "22h2-to-23h2/wac.yaml", "four-node-22h2.yaml", [] },
        { "22h2-to-24h2/cau.yaml", "four-node-22h2.yaml", For24H2 },
        { "22h2-to-24h2/sconfig.yaml", "four-node-22h2.yaml", For24H2 },
        { "22h2-to-24h2/offline.yaml", "four-node-22h2.yaml", For24H2 },
        { "23h2-to-24h2/cau.yaml", "four-node-23h2.yaml", For24H2 },
        { "23h2-to-24h2/sconfig.yaml", "four-node-23h2.yaml", For24H2 },
        { "23h2-to-24h2/offline.yaml", "four-node-23h2.yaml", For24H2 },
        { "post-upgrade/23h2.yaml", "four-node-23h2.yaml", [] },
        { "post-upgrade/24h2.yaml", "four-node-24h2.yaml", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_text_plan_matches_its_golden_file(string runbook, string cluster, string[] set)
    {
        var graph = RunbookCompilationTests.Compile(runbook, cluster, set);
        var plan = PlanBuilder.Build(graph, PlanOrigin.Relative(Path.Combine(RepositoryPaths.Runbooks, runbook), RepositoryPaths.Sample(cluster), RepositoryPaths.Root));
        var actual = new TextPlanRenderer().Render(plan);
        var expectedPath = Path.Combine(RepositoryPaths.Root, "tests", "AzureLocalUpgrade.Engine.Tests", "TestData", "shipped-plans", runbook.Replace('/', '-').Replace(".yaml", ".txt", StringComparison.Ordinal));

        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        actual.Should().Be(File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "", $"the plan of {runbook} changed; review the diff of {expectedPath}");
    }
}
