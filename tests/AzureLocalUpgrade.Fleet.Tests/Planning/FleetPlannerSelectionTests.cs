using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Tests.Planning;

/// <summary>Stage membership, each cluster's runbook (named or selected) and the clusters refused with the selector's reasons.</summary>
public sealed class FleetPlannerSelectionTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    [Fact]
    public void Plan_AClusterTwoStagesMatch_ShouldJoinTheFirst()
    {
        var text = FleetWorkspace.BaseFleet
            .Replace("groups: [ { matchLabels: { ring: canary } } ]", "groups: [ { matchLabels: { site: ber-a } } ]", StringComparison.Ordinal)
            .Replace("groups: [ { matchLabels: { ring: broad } } ]", "groups: [ { matchLabels: {} } ]", StringComparison.Ordinal);

        var plan = PlanOf(text);

        plan.Stages.Select(s => (s.Name, string.Join(",", s.Clusters.Select(c => c.Name))))
            .Should().Equal(("canary", "ber-a1,ber-a2"), ("broad", "chi-a1,chi-a2"));
    }

    [Theory]
    [InlineData("prefer: [cau]", "22h2-to-24h2/cau")]
    [InlineData("prefer: [sconfig, cau]", "22h2-to-24h2/sconfig")]
    [InlineData("prefer: []", "22h2-to-24h2/cau")]
    public void Plan_SelectWithAPreference_ShouldChooseTheBestPreferredRunbookThatApplies(string preference, string expected)
    {
        var plan = PlanOf(FleetWorkspace.BaseFleet.Replace("prefer: [cau]", preference, StringComparison.Ordinal));

        plan.Clusters.Should().OnlyContain(c => c.Runbook == expected && c.ChosenBy == "select");
    }

    [Fact]
    public void Plan_A23H2Cluster_ShouldGetTheRunbookFromItsOwnRelease()
    {
        _workspace.AddCluster("chi-a", "chi-a3", "four-node-23h2.yaml");

        var plan = PlanOf(FleetWorkspace.BaseFleet);

        plan.Clusters.Single(c => c.Name == "chi-a3").Runbook.Should().Be("23h2-to-24h2/cau");
    }

    [Fact]
    public void Plan_ANamedRunbook_ShouldBeUsedForEveryClusterOfTheEntry()
    {
        var plan = PlanOf(FleetWorkspace.BaseFleet.Replace(
            "labels: { site: ber-a, ring: broad }", "labels: { site: ber-a, ring: broad }\n    runbook: 22h2-to-23h2/cau", StringComparison.Ordinal));

        plan.Clusters.Where(c => c.Site == "ber-a").Should().OnlyContain(c => c.Runbook == "22h2-to-23h2/cau" && c.ChosenBy == "named" && c.To == "23H2");
        plan.Clusters.Where(c => c.Site == "chi-a").Should().OnlyContain(c => c.Runbook == "22h2-to-24h2/cau");
    }

    [Theory]
    [InlineData("stretch-22h2.yaml", "stretch-24h2")]
    [InlineData("solution-deployed.yaml", "solution-deployed")]
    [InlineData("four-node-24h2.yaml", "already-upgraded")]
    public void Plan_AClusterNoRunbookAppliesTo_ShouldBeRefusedWithTheSelectorsReason(string template, string code)
    {
        _workspace.AddCluster("chi-a", "odd1", template);

        var plan = PlanOf(FleetWorkspace.BaseFleet);

        var refused = plan.Refused.Should().ContainSingle().Subject;
        refused.Name.Should().Be("odd1");
        refused.Stage.Should().Be("canary");
        refused.Reasons.Select(r => r.Code).Should().Contain(code);
        plan.Clusters.Select(c => c.Name).Should().NotContain("odd1");
    }

    [Fact]
    public void Plan_ANamedRunbookTheClusterIsPast_ShouldRefuseItWithTheGuardsReason()
    {
        _workspace.AddCluster("ber-a", "ber-a3", "four-node-23h2.yaml");

        var plan = PlanOf(FleetWorkspace.BaseFleet.Replace(
            "labels: { site: ber-a, ring: broad }", "labels: { site: ber-a, ring: broad }\n    runbook: 22h2-to-23h2/cau", StringComparison.Ordinal));

        plan.Refused.Should().ContainSingle().Which.Reasons.Select(r => r.Code).Should().Equal("already-upgraded");
    }

    [Fact]
    public void Plan_ANamedRunbookThatDoesNotExist_ShouldBeAPositionedError()
    {
        var (plan, bag) = _workspace.Plan(FleetWorkspace.BaseFleet.Replace(
            "labels: { site: ber-a, ring: broad }", "labels: { site: ber-a, ring: broad }\n    runbook: 22h2-to-25h2/cau", StringComparison.Ordinal));

        plan.Should().BeNull();
        var diagnostic = bag.Sorted().Should().ContainSingle(string.Join("\n", bag.Items)).Subject;
        (diagnostic.Code, diagnostic.Span.Line, diagnostic.Span.Column).Should().Be(("ALU7010", 13, 14));
    }

    [Fact]
    public void Plan_AParameterValueTheRunbookRefuses_ShouldBeReportedAtTheFleetLineWithTheBindersCode()
    {
        var (plan, bag) = _workspace.Plan(FleetWorkspace.BaseFleet.Replace(
            "  windows: [\"Sat 22:00-Sun 06:00\"]", "  windows: [\"Sat 22:00-Sun 06:00\"]\n  parameters: { vmShutdown: sometimes }", StringComparison.Ordinal));

        plan.Should().BeNull();
        bag.Sorted().Should().ContainSingle().Which.Should().Match<Engine.Diagnostics.Diagnostic>(d =>
            d.Code == "ALU2302" && d.Span.File == _workspace.FleetPath && d.Span.Line == 8 && d.Span.Column == 29);
    }

    [Fact]
    public void Plan_ParametersFromDefaultsRulesAndEntry_ShouldReachEachClustersPlan()
    {
        var text = FleetWorkspace.BaseFleet.Replace("  windows: [\"Sat 22:00-Sun 06:00\"]", """
              windows: ["Sat 22:00-Sun 06:00"]
              parameters: { vmShutdown: none, region: eastus }
            labelRules:
              - match: { site: ber-a }
                parameters: { region: westeurope, resourceGroup: rg-eu }
            """.TrimEnd(), StringComparison.Ordinal).Replace(
            "labels: { site: ber-a, ring: broad }", "labels: { site: ber-a, ring: broad }\n    parameters: { resourceGroup: rg-ber }", StringComparison.Ordinal);

        var plan = PlanOf(text);

        plan.Clusters.Single(c => c.Name == "chi-a1").Parameters.Should().Equal(new Dictionary<string, string> { ["vmShutdown"] = "none", ["region"] = "eastus" });
        plan.Clusters.Single(c => c.Name == "ber-a1").Parameters.Should().Equal(new Dictionary<string, string>
        {
            ["vmShutdown"] = "none", ["region"] = "westeurope", ["resourceGroup"] = "rg-ber",
        });
    }

    private FleetPlan PlanOf(string text)
    {
        var (plan, bag) = _workspace.Plan(text);
        bag.Items.Select(d => d.ToString()).Should().BeEmpty();
        return plan!;
    }

    public void Dispose() => _workspace.Dispose();
}
