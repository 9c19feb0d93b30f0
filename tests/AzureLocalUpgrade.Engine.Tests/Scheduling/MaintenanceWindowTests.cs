using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Tests.Scheduling;

public sealed class MaintenanceWindowTests
{
    // 2026-11-28 is a Saturday.
    private static readonly DateTimeOffset SaturdayEvening = new(2026, 11, 28, 23, 0, 0, TimeSpan.Zero);

    private static MaintenanceWindow Parse(string text, string? zone = null)
    {
        MaintenanceWindowParser.TryParse(text, zone, out var window, out var error).Should().BeTrue(error);
        return window!;
    }

    [Fact]
    public void Weekly_InsideOpening_ShouldReturnTheOpeningInProgress()
    {
        var opening = Parse("Sat 22:00-Sun 06:00").CurrentOrNext(SaturdayEvening);

        opening.Should().Be(new WindowOpening(
            new DateTimeOffset(2026, 11, 28, 22, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Weekly_AfterOpeningClosed_ShouldReturnNextWeeksOpening()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        Parse("Sat 22:00-Sun 06:00").CurrentOrNext(monday)!.Value.Start
            .Should().Be(new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Weekly_InTimeZone_ShouldConvertToUtc()
    {
        // Europe/Berlin is UTC+1 in November.
        var opening = Parse("Sat 22:00-Sun 06:00", "Europe/Berlin").CurrentOrNext(SaturdayEvening);

        opening!.Value.Start.Should().Be(new DateTimeOffset(2026, 11, 28, 21, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Decide_WhenEstimateFitsRemainingTime_ShouldAllowStart()
    {
        var decision = Parse("Sat 22:00-Sun 06:00").Decide(SaturdayEvening, TimeSpan.FromHours(2));

        decision.MayStart.Should().BeTrue();
    }

    [Fact]
    public void Decide_WhenEstimateExceedsRemainingTime_ShouldDeferToNextOpening()
    {
        var lateSunday = new DateTimeOffset(2026, 11, 29, 5, 30, 0, TimeSpan.Zero);

        var decision = Parse("Sat 22:00-Sun 06:00").Decide(lateSunday, TimeSpan.FromHours(1));

        decision.MayStart.Should().BeFalse();
        decision.NextFitting!.Value.Start.Should().Be(new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero));
        decision.Reason.Should().Contain("needs 1h but only 30m is left");
    }

    [Fact]
    public void Decide_WhenNoOpeningIsLongEnough_ShouldSaySo()
    {
        var decision = Parse("Sat 22:00-Sat 23:00").Decide(SaturdayEvening, TimeSpan.FromHours(2));

        decision.MayStart.Should().BeFalse();
        decision.NextFitting.Should().BeNull();
        decision.Reason.Should().Contain("no opening of the window is long enough");
    }

    [Fact]
    public void Fixed_AfterItsEnd_ShouldHaveNoOpening()
    {
        var window = Parse("2026-11-28T22:00/2026-11-29T02:00");

        window.CurrentOrNext(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero)).Should().BeNull();
    }

    [Theory]
    [InlineData("Sat 22:00", "not a maintenance window")]
    [InlineData("Sat 25:00-Sun 06:00", "not valid 24-hour times")]
    [InlineData("Xyz 22:00-Sun 06:00", "not day names")]
    [InlineData("2026-11-29T02:00/2026-11-28T22:00", "ends before it starts")]
    public void Parse_InvalidText_ShouldExplain(string text, string expected)
    {
        MaintenanceWindowParser.TryParse(text, null, out _, out var error).Should().BeFalse();
        error.Should().Contain(expected);
    }

    [Fact]
    public void Parse_UnknownTimeZone_ShouldNameIt()
    {
        MaintenanceWindowParser.TryParse("Sat 22:00-Sun 06:00", "Mars/Olympus", out _, out var error).Should().BeFalse();
        error.Should().Contain("Mars/Olympus");
    }
}
