using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>Durations are shown in the runbook syntax everywhere, rounded to whole seconds.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(0.2, "<1s")]
    [InlineData(0.6, "1s")]
    [InlineData(83.457, "1m23s")]
    [InlineData(3600, "1h")]
    [InlineData(4800, "1h20m")]
    [InlineData(3903, "1h5m3s")]
    [InlineData(183_600, "2d3h")]
    public void A_duration_reads_as_the_runbook_syntax(double seconds, string expected) =>
        DurationText.Of(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Theory]
    [InlineData(0.6)]
    [InlineData(4800)]
    [InlineData(183_603)]
    public void What_is_shown_parses_back_to_the_rounded_duration(double seconds)
    {
        DurationParser.TryParse(DurationText.Of(TimeSpan.FromSeconds(seconds)), out var parsed).Should().BeTrue();

        parsed.Should().Be(TimeSpan.FromSeconds(Math.Round(seconds, MidpointRounding.AwayFromZero)));
    }
}
