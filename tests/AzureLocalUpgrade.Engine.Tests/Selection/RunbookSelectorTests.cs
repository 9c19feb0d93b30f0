using AzureLocalUpgrade.Engine.Selection;
using AzureLocalUpgrade.Engine.Tests.Runbooks;

namespace AzureLocalUpgrade.Engine.Tests.Selection;

public class RunbookSelectorTests
{
    private static readonly IReadOnlyList<ShippedRunbook> Shipped = RunbookCatalog.Scan(RepositoryPaths.Runbooks);

    [Fact]
    public void The_catalog_finds_every_shipped_runbook_and_no_fragment()
    {
        Shipped.Select(r => r.Path).Should().BeEquivalentTo(
            "22h2-to-23h2/cau.yaml", "22h2-to-23h2/sconfig.yaml", "22h2-to-23h2/offline.yaml", "22h2-to-23h2/wac.yaml",
            "22h2-to-24h2/cau.yaml", "22h2-to-24h2/sconfig.yaml", "22h2-to-24h2/offline.yaml",
            "23h2-to-24h2/cau.yaml", "23h2-to-24h2/sconfig.yaml", "23h2-to-24h2/offline.yaml",
            "post-upgrade/23h2.yaml", "post-upgrade/24h2.yaml");
    }

    [Theory]
    [InlineData("23H2", new[] { "22h2-to-23h2/cau.yaml", "22h2-to-23h2/offline.yaml", "22h2-to-23h2/sconfig.yaml", "22h2-to-23h2/wac.yaml" })]
    [InlineData("24H2", new[] { "22h2-to-24h2/cau.yaml", "22h2-to-24h2/offline.yaml", "22h2-to-24h2/sconfig.yaml" })]
    public void A_target_narrows_the_applicable_runbooks(string target, string[] expected)
    {
        var cluster = SampleClusters.Load("four-node-22h2.yaml");

        var verdicts = RunbookSelector.Select(cluster, Shipped, target);

        verdicts.Where(v => v.Applies).Select(v => v.Runbook.Path).Should().Equal(expected);
        verdicts.Where(v => v.Runbook.To != target).Should().OnlyContain(v => v.Findings.Single().Code == "other-target");
    }

    [Fact]
    public void Nothing_applies_to_a_cluster_running_the_solution()
    {
        var cluster = SampleClusters.Load("solution-deployed.yaml");

        RunbookSelector.Select(cluster, Shipped).Should().NotContain(v => v.Applies);
    }

    [Fact]
    public void A_stretched_cluster_is_offered_only_the_23H2_CAU_runbook()
    {
        // upgrade-stretched-cluster-to-23h2.md: never 24H2; 22H2 -> 23H2 by CAU from the 2509 ISO is the only supported path.
        var cluster = SampleClusters.Load("stretch-22h2.yaml");

        RunbookSelector.Select(cluster, Shipped).Where(v => v.Applies).Select(v => v.Runbook.Path).Should().Equal("22h2-to-23h2/cau.yaml");
    }
}
