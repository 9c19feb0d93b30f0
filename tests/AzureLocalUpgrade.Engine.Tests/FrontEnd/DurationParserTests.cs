using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("30s", 0, 0, 30)]
    [InlineData("5m", 0, 5, 0)]
    [InlineData("3h", 3, 0, 0)]
    [InlineData("1h30m", 1, 30, 0)]
    [InlineData("2d", 48, 0, 0)]
    [InlineData("1d2h3m4s", 26, 3, 4)]
    public void TryParse_ValidText_ShouldGiveTheDuration(string text, int hours, int minutes, int seconds)
    {
        DurationParser.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(new TimeSpan(hours, minutes, seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5 minutes")]
    [InlineData("30m1h")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    [InlineData("99999999999999d")]
    public void TryParse_InvalidText_ShouldFail(string text) =>
        DurationParser.TryParse(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("1h30m")]
    [InlineData("2d")]
    [InlineData("45s")]
    public void Format_ParsedDuration_ShouldRoundTrip(string text)
    {
        DurationParser.TryParse(text, out var duration);

        DurationParser.Format(duration).Should().Be(text);
    }
}
