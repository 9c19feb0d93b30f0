using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Tests.Scheduling;

public sealed class TimeZoneResolverTests
{
    // Each pair names the same zone once by its IANA id and once by its Windows id: both must give the same offsets,
    // on Linux and on Windows, although alu runs with invariant globalization (no ICU conversion).
    [Theory]
    [InlineData("Europe/Berlin", "W. Europe Standard Time")]
    [InlineData("America/New_York", "Eastern Standard Time")]
    [InlineData("America/Los_Angeles", "Pacific Standard Time")]
    [InlineData("Asia/Tokyo", "Tokyo Standard Time")]
    [InlineData("Australia/Sydney", "AUS Eastern Standard Time")]
    public void An_IANA_id_and_its_Windows_id_resolve_to_the_same_rules(string iana, string windows)
    {
        TimeZoneResolver.TryFind(iana, out var byIana, out _).Should().BeTrue();
        TimeZoneResolver.TryFind(windows, out var byWindows, out var error).Should().BeTrue(error);

        foreach (var instant in SampleInstants)
        {
            byWindows.GetUtcOffset(instant).Should().Be(byIana.GetUtcOffset(instant), $"at {instant:O}");
        }
    }

    [Fact]
    public void A_weekly_window_in_a_Windows_zone_opens_at_the_same_instant_as_in_its_IANA_zone()
    {
        MaintenanceWindowParser.TryParse("Sat 22:00-Sun 06:00", "W. Europe Standard Time", out var windows, out var error).Should().BeTrue(error);
        MaintenanceWindowParser.TryParse("Sat 22:00-Sun 06:00", "Europe/Berlin", out var iana, out _).Should().BeTrue();
        var from = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        windows!.CurrentOrNext(from).Should().Be(iana!.CurrentOrNext(from));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_id_means_UTC(string? id)
    {
        TimeZoneResolver.TryFind(id, out var zone, out _).Should().BeTrue();
        zone.Should().Be(TimeZoneInfo.Utc);
    }

    [Fact]
    public void An_unknown_id_is_named_with_both_kinds_of_example()
    {
        TimeZoneResolver.TryFind("Mars/Olympus", out _, out var error).Should().BeFalse();
        error.Should().Contain("Mars/Olympus").And.Contain("Europe/Berlin").And.Contain("W. Europe Standard Time");
    }

    [Fact]
    public void A_very_long_unknown_id_is_not_echoed_in_full()
    {
        TimeZoneResolver.TryFind(new string('x', 10_000), out _, out var error).Should().BeFalse();
        error.Length.Should().BeLessThan(300);
    }

    private static readonly DateTimeOffset[] SampleInstants =
    [
        new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero),
        new(2026, 7, 15, 12, 0, 0, TimeSpan.Zero),
        new(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
        new(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
    ];
}
