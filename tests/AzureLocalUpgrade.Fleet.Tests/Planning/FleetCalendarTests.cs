using AzureLocalUpgrade.Fleet.Planning;
using AzureLocalUpgrade.Fleet.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Tests.Planning;

/// <summary>The calendar: windows in each cluster's own zone (daylight saving included), concurrency per stage and per site, soak and gates.</summary>
public sealed class FleetCalendarTests : IDisposable
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private readonly FleetWorkspace _workspace = new();

    [Fact]
    public void Plan_AWeeklyWindow_ShouldBeInTheClustersOwnZone()
    {
        var text = FleetWorkspace.BaseFleet.Replace("    labels: { site: ber-a, ring: broad }",
            "    labels: { site: ber-a, ring: broad }\n    timeZone: Europe/Berlin", StringComparison.Ordinal);

        var plan = PlanOf(text, Winter);

        var chicago = plan.Clusters.First(c => c.Site == "chi-a").Window;
        chicago.LocalStart.Should().Be("2026-12-12 22:00 -06:00");
        chicago.OpeningStart.Should().Be(new DateTimeOffset(2026, 12, 13, 4, 0, 0, TimeSpan.Zero));
        var berlin = plan.Clusters.First(c => c.Site == "ber-a").Window;
        berlin.LocalStart.Should().EndWith("22:00 +01:00");
        berlin.OpeningStart!.Value.Hour.Should().Be(21);
    }

    [Fact]
    public void Plan_AcrossTheSpringChange_ShouldKeepTheLocalTimeAndMoveTheUtcTime()
    {
        // The United States move to daylight time on 2026-03-08: the same Saturday 22:00 is 04:00Z before, 03:00Z after.
        var plan = PlanOf(FleetWorkspace.BaseFleet, new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

        var before = plan.Stages[0].Clusters[0].Window;
        before.LocalStart.Should().Be("2026-03-07 22:00 -06:00");
        before.Start.Should().Be(new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.Zero));
        var after = plan.Stages[1].Clusters[0].Window;
        after.LocalStart.Should().EndWith("-05:00");
        after.OpeningStart!.Value.Hour.Should().Be(3, "the opening still starts at 22:00 in Chicago, now UTC-5");
    }

    [Fact]
    public void Plan_WithoutWindows_ShouldKeepTheStageAndSiteLimitsAtEveryMoment()
    {
        _workspace.AddCluster("chi-a", "chi-a3");
        _workspace.AddCluster("ber-a", "ber-a3");
        var text = FleetWorkspace.BaseFleet
            .Replace("  windows: [\"Sat 22:00-Sun 06:00\"]\n", "", StringComparison.Ordinal)
            .Replace("groups: [ { matchLabels: { ring: canary } } ]", "groups: [ { matchLabels: {} } ]\n    maxConcurrent: 2\n    maxConcurrentPerSite: 1", StringComparison.Ordinal);

        var plan = PlanOf(text, Winter);

        var clusters = plan.Stages[0].Clusters;
        clusters.Should().HaveCount(6);
        MostAtOnce(clusters).Should().Be(2);
        foreach (var site in clusters.GroupBy(c => c.Site))
        {
            MostAtOnce([.. site]).Should().Be(1, $"site {site.Key} runs one cluster at a time");
        }

        clusters.Min(c => c.Window.Start).Should().Be(Winter, "without a window the first clusters start at once");
    }

    [Fact]
    public void Plan_SoakAndApproval_ShouldHoldTheNextStageUntilTheEndPlusTheSoak()
    {
        var text = FleetWorkspace.BaseFleet.Replace("groups: [ { matchLabels: { ring: canary } } ]",
            "groups: [ { matchLabels: { ring: canary } } ]\n    soak: 2d\n    approval: true", StringComparison.Ordinal);

        var plan = PlanOf(text, Winter);

        var canary = plan.Stages[0];
        canary.GateAt.Should().Be(canary.ExpectedEnd!.Value + TimeSpan.FromDays(2));
        plan.Stages[1].NotBefore.Should().Be(canary.GateAt);
        plan.Stages[1].Clusters.Should().OnlyContain(c => c.Window.Start >= canary.GateAt);
    }

    [Fact]
    public void Plan_AWindowShorterThanANodesWork_ShouldRefuseTheClusterWithTheReason()
    {
        var plan = PlanOf(FleetWorkspace.BaseFleet.Replace("Sat 22:00-Sun 06:00", "Sat 22:00-Sat 22:30", StringComparison.Ordinal), Winter);

        plan.Clusters.Should().BeEmpty();
        plan.Refused.Should().HaveCount(4).And.OnlyContain(r => r.Reasons.Single().Code == "window-too-short");
    }

    [Fact]
    public void Plan_ARunLongerThanTheOpening_ShouldSpanSeveralOpenings()
    {
        var plan = PlanOf(FleetWorkspace.BaseFleet.Replace("Sat 22:00-Sun 06:00", "Sat 22:00-Sun 02:00", StringComparison.Ordinal), Winter);

        plan.Clusters.Should().OnlyContain(c => c.Window.Openings > 1 && c.Window.End - c.Window.Start > TimeSpan.FromDays(6));
    }

    private static int MostAtOnce(IReadOnlyList<PlannedCluster> clusters) =>
        clusters.Max(c => clusters.Count(o => o.Window.Start <= c.Window.Start && c.Window.Start < o.Window.End));

    private FleetPlan PlanOf(string text, DateTimeOffset start)
    {
        var (plan, bag) = _workspace.Plan(text, start);
        bag.Items.Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty();
        return plan!;
    }

    public void Dispose() => _workspace.Dispose();
}
