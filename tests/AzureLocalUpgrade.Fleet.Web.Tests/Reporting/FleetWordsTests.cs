using AzureLocalUpgrade.Fleet.Reporting;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Reporting;

/// <summary>How the dashboard and the reports name runbooks and durations.</summary>
public sealed class FleetWordsTests
{
    [Theory]
    [InlineData("/work/repo/runbooks/22h2-to-23h2/cau.yaml", "22h2-to-23h2/cau")]
    [InlineData("C:\\alu\\runbooks\\23h2-to-24h2\\sconfig.yml", "23h2-to-24h2/sconfig")]
    [InlineData("22h2-to-23h2/cau", "22h2-to-23h2/cau")]
    [InlineData("/srv/custom/upgrade.yaml", "/srv/custom/upgrade.yaml")]
    [InlineData(null, "–")]
    public void A_runbook_under_a_runbooks_folder_reads_as_its_id(string? runbook, string expected) =>
        FleetWords.Runbook(runbook).Should().Be(expected);

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(227, "3m47s")]
    [InlineData(3_725, "1h2m5s")]
    [InlineData(90_000, "1d1h")]
    public void Durations_read_in_alus_one_duration_format(int seconds, string expected) =>
        FleetWords.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
}
