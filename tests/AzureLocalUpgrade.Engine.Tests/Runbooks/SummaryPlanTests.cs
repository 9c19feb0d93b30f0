using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;

namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// The plans a person reads at 16 nodes: the markdown summary fits a change ticket's field (under 30,000
/// characters) for every shipped runbook, and the text summary shows each per-node group once with its node count.
/// A golden summary of the 16-node SConfig plan shows the whole shape in review.
/// Accept an intended change with: ALU_SET_BASELINE=1 dotnet test --filter SummaryPlanTests
/// </summary>
public sealed class SummaryPlanTests
{
    private static readonly string[] For24H2 = [@"isoPath=C:\ISO\AzureLocal-2505.iso"];

    public static TheoryData<string, string, string[]> SixteenNodeCases() => new()
    {
        { "22h2-to-23h2/cau.yaml", "sixteen-node-22h2.yaml", ["orchestratorOs=Windows Server 2022"] },
        { "22h2-to-23h2/sconfig.yaml", "sixteen-node-22h2.yaml", [] },
        { "22h2-to-23h2/offline.yaml", "sixteen-node-22h2.yaml", [] },
        { "22h2-to-23h2/wac.yaml", "sixteen-node-22h2.yaml", [] },
        { "22h2-to-24h2/cau.yaml", "sixteen-node-22h2.yaml", For24H2 },
        { "22h2-to-24h2/sconfig.yaml", "sixteen-node-22h2.yaml", For24H2 },
        { "22h2-to-24h2/offline.yaml", "sixteen-node-22h2.yaml", For24H2 },
    };

    [Theory]
    [MemberData(nameof(SixteenNodeCases))]
    public void The_markdown_summary_of_a_16_node_plan_fits_a_change_ticket_field(string runbook, string cluster, string[] set)
    {
        var markdown = new SummaryMarkdownPlanRenderer().Render(PlanOf(runbook, cluster, set));

        markdown.Length.Should().BeLessThan(30_000);
        markdown.Should().Contain("Plan hash (approvals bind to it)").And.Contain("## Manual gates").And.Contain("## Risks");
    }

    [Theory]
    [MemberData(nameof(SixteenNodeCases))]
    public void The_text_summary_shows_each_per_node_group_once_with_its_node_count(string runbook, string cluster, string[] set)
    {
        var plan = PlanOf(runbook, cluster, set);
        var summary = new SummaryTextPlanRenderer().Render(plan);
        var detail = new TextPlanRenderer().Render(plan);

        summary.Should().Contain("× 16 nodes");
        summary.Should().NotContain("node[hci16-n7]", "a node's own instance appears only as {node} or in a node list");
        summary.Length.Should().BeLessThan(detail.Length / 4);
    }

    [Fact]
    public void The_16_node_SConfig_summary_matches_its_golden_file()
    {
        var actual = new SummaryTextPlanRenderer().Render(PlanOf("22h2-to-23h2/sconfig.yaml", "sixteen-node-22h2.yaml", []));
        var expectedPath = Path.Combine(RepositoryPaths.Root, "tests", "AzureLocalUpgrade.Engine.Tests", "TestData", "shipped-plans", "summary-22h2-to-23h2-sconfig-16.txt");
        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        actual.Should().Be(File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "", $"the summary changed; review the diff of {expectedPath}");
    }

    [Fact]
    public void A_node_name_that_prefixes_another_is_not_replaced_inside_it()
    {
        NodeVariants.Normalize("drain hci-n1 then hci-n10", "hci-n1").Should().Be("drain {node} then hci-n10");
    }

    private static Plan PlanOf(string runbook, string cluster, string[] set)
    {
        var graph = RunbookCompilationTests.Compile(runbook, cluster, set);
        return PlanBuilder.Build(graph, PlanOrigin.Relative(Path.Combine(RepositoryPaths.Runbooks, runbook), RepositoryPaths.Sample(cluster), RepositoryPaths.Root));
    }
}
