using AzureLocalUpgrade.Engine.Selection;
using AzureLocalUpgrade.Engine.Tests.Runbooks;

namespace AzureLocalUpgrade.Engine.Tests.Selection;

/// <summary>The static guards' decision for every sample cluster and every shipped runbook.</summary>
public class UpgradeGuardsTests
{
    private static readonly IReadOnlyList<ShippedRunbook> Shipped = RunbookCatalog.Scan(RepositoryPaths.Runbooks);

    // sample, runbook, applies, refusal codes (comma separated, in any order)
    public static TheoryData<string, string, bool, string> Decisions => new()
    {
        { "two-node-22h2.yaml", "22h2-to-23h2/sconfig.yaml", true, "" },
        { "two-node-22h2.yaml", "22h2-to-24h2/cau.yaml", true, "" },
        { "two-node-22h2.yaml", "23h2-to-24h2/cau.yaml", false, "source-release" },
        { "two-node-22h2.yaml", "post-upgrade/23h2.yaml", false, "upgrade-not-finished" },
        { "four-node-22h2.yaml", "22h2-to-23h2/cau.yaml", true, "" },
        { "four-node-22h2.yaml", "22h2-to-23h2/wac.yaml", true, "" },
        { "four-node-22h2.yaml", "22h2-to-24h2/offline.yaml", true, "" },
        { "sixteen-node-22h2.yaml", "22h2-to-23h2/sconfig.yaml", true, "" },
        { "sixteen-node-22h2.yaml", "22h2-to-24h2/sconfig.yaml", true, "" },
        { "four-node-23h2.yaml", "23h2-to-24h2/sconfig.yaml", true, "" },
        { "four-node-23h2.yaml", "22h2-to-24h2/sconfig.yaml", false, "source-release" },
        { "four-node-23h2.yaml", "22h2-to-23h2/cau.yaml", false, "already-upgraded" },
        { "four-node-23h2.yaml", "post-upgrade/23h2.yaml", true, "" },
        { "four-node-23h2.yaml", "post-upgrade/24h2.yaml", false, "upgrade-not-finished" },
        { "stretch-22h2.yaml", "22h2-to-23h2/sconfig.yaml", false, "stretch-method" },
        { "stretch-22h2.yaml", "22h2-to-23h2/wac.yaml", false, "stretch-method" },
        { "stretch-22h2.yaml", "22h2-to-23h2/offline.yaml", false, "stretch-method" },
        { "stretch-22h2.yaml", "22h2-to-23h2/cau.yaml", true, "" },
        { "stretch-22h2.yaml", "22h2-to-24h2/cau.yaml", false, "stretch-24h2" },
        { "stretch-22h2.yaml", "22h2-to-24h2/sconfig.yaml", false, "stretch-24h2" },
        { "aks-arc-22h2.yaml", "22h2-to-23h2/cau.yaml", true, "" },
        { "solution-deployed.yaml", "23h2-to-24h2/cau.yaml", false, "solution-deployed" },
        { "solution-deployed.yaml", "post-upgrade/23h2.yaml", false, "solution-deployed" },
        { "inbox-nic-22h2.yaml", "22h2-to-24h2/sconfig.yaml", true, "" },
        { "inbox-nic-22h2.yaml", "22h2-to-23h2/sconfig.yaml", true, "" },
        { "secure-boot-off-22h2.yaml", "22h2-to-23h2/sconfig.yaml", true, "" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Sample_and_runbook_get_the_documented_decision(string sample, string runbookPath, bool applies, string refusals)
    {
        var cluster = SampleClusters.Load(sample);
        var runbook = Shipped.Single(r => r.Path == runbookPath);

        var verdict = new RunbookVerdict(runbook, UpgradeGuards.Evaluate(cluster, runbook));

        verdict.Applies.Should().Be(applies);
        verdict.Findings.Where(f => f.Kind == FindingKind.Refusal).Select(f => f.Code)
            .Should().BeEquivalentTo(refusals.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("inbox-nic-22h2.yaml", "22h2-to-24h2/cau.yaml", FindingKind.Warning, "nic-inbox-drivers")]
    [InlineData("aks-arc-22h2.yaml", "22h2-to-24h2/sconfig.yaml", FindingKind.Note, "aks-arc")]
    [InlineData("secure-boot-off-22h2.yaml", "22h2-to-24h2/cau.yaml", FindingKind.Note, "secure-boot-off")]
    [InlineData("four-node-22h2.yaml", "22h2-to-23h2/wac.yaml", FindingKind.Note, "person-needed")]
    [InlineData("four-node-22h2.yaml", "22h2-to-23h2/offline.yaml", FindingKind.Note, "downtime")]
    public void Informative_findings_do_not_refuse(string sample, string runbookPath, FindingKind kind, string code)
    {
        var cluster = SampleClusters.Load(sample);
        var runbook = Shipped.Single(r => r.Path == runbookPath);

        var findings = UpgradeGuards.Evaluate(cluster, runbook);

        findings.Should().ContainSingle(f => f.Code == code).Which.Kind.Should().Be(kind);
        findings.Should().NotContain(f => f.Kind == FindingKind.Refusal);
    }

    [Fact]
    public void Inbox_nic_drivers_are_not_flagged_on_the_way_to_23H2()
    {
        var cluster = SampleClusters.Load("inbox-nic-22h2.yaml");

        UpgradeGuards.Evaluate(cluster, Shipped.Single(r => r.Path == "22h2-to-23h2/cau.yaml"))
            .Should().NotContain(f => f.Code == "nic-inbox-drivers");
    }

    [Theory]
    [InlineData("20349.3691", false)]
    [InlineData("20349.3692", true)]
    [InlineData("25398.1611", false)]
    [InlineData("25398.1612", true)]
    public void The_24H2_minimum_build_is_enforced_at_its_boundary(string build, bool applies)
    {
        var cluster = SampleClusters.Load("two-node-22h2.yaml");
        cluster = cluster with { Nodes = cluster.Nodes.Select(n => n with { Build = build }).ToList() };
        var from = build.StartsWith("20349", StringComparison.Ordinal) ? "22h2" : "23h2";
        var runbook = Shipped.Single(r => r.Path == $"{from}-to-24h2/sconfig.yaml");

        new RunbookVerdict(runbook, UpgradeGuards.Evaluate(cluster, runbook)).Applies.Should().Be(applies);
    }
}
