using System.Globalization;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Cli.Tests.Simulated;

namespace AzureLocalUpgrade.Cli.Tests.Unattended;

/// <summary>
/// <c>alu plan --window</c> forecasts what a scheduler-driven simulated run does: the same number of openings, and an
/// end within 10 % of the run's, counted from the first opening (docs/performance.md, "Window forecasts against
/// simulated runs", has every runbook on the 4- and 16-node samples). The run is driven as scripts/window-estimates.sh
/// drives it: <c>alu run --continue</c> in each opening, the virtual clock moved to the opening a paused run names.
/// Virtual time only, so the outcome never depends on the machine.
/// </summary>
public sealed partial class WindowForecastTests
{
    private const string Window = "Sat 22:00-Sun 06:00";
    private static readonly DateTimeOffset FirstOpening = new(2025, 6, 7, 22, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("runbooks/22h2-to-23h2/cau.yaml")]
    [InlineData("runbooks/22h2-to-23h2/offline.yaml")]
    [InlineData("runbooks/22h2-to-23h2/sconfig.yaml")]
    public async Task The_plan_forecasts_the_openings_and_within_ten_percent_the_end_of_a_simulated_run(string runbook)
    {
        var folder = Directory.CreateTempSubdirectory("alu-window-forecast-").FullName;
        try
        {
            var file = Path.Combine(ShippedRunbook.RepoRoot, runbook);
            var cluster = Path.Combine(ShippedRunbook.RepoRoot, "samples/clusters/four-node-22h2.yaml");
            var state = Path.Combine(folder, "state");
            var plan = await CliRun.Of(folder, "plan", file, "--cluster", cluster, "--window", Window, "--time-zone", "UTC", "--start", "2025-06-02T08:00:00Z");
            var plannedOpenings = int.Parse(PlannedOpenings().Match(plan.Out).Groups[1].Value, CultureInfo.InvariantCulture);
            var plannedEnd = DateTimeOffset.Parse(PlannedEnd().Match(plan.Out).Groups[1].Value + "Z", CultureInfo.InvariantCulture);

            var openings = 0;
            CliRun run;
            while ((run = await CliRun.Of(folder, "run", file, "--cluster", cluster, "--state-dir", state, "--approve", "*", "--window", Window,
                       "--time-zone", "UTC", "--continue", "--log-format", "json")).ExitCode == 3)
            {
                var next = NextOpening().Matches(run.Out).Last().Groups[1].Value;
                (await CliRun.Of(folder, "sim", "advance", "--cluster", cluster, "--state-dir", state, "--to", next.Replace(' ', 'T') + ":00Z")).ExitCode.Should().Be(0);
                openings++;
            }

            run.ExitCode.Should().Be(0, run.Error);
            var status = await CliRun.Of(folder, "sim", "status", "--cluster", cluster, "--state-dir", state);
            var end = DateTimeOffset.Parse(SimulatedNow().Match(status.Out).Groups[1].Value, CultureInfo.InvariantCulture);
            openings.Should().Be(plannedOpenings);
            var planned = (plannedEnd - FirstOpening).TotalHours;
            var actual = (end - FirstOpening).TotalHours;
            planned.Should().BeApproximately(actual, actual * 0.10, $"the plan forecast {planned:0.0} h after the first opening, the run took {actual:0.0} h");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"in (\d+) opening\(s\)")]
    private static partial Regex PlannedOpenings();

    [GeneratedRegex(@"forecast to end \w+ (\d{4}-\d\d-\d\d \d\d:\d\d)")]
    private static partial Regex PlannedEnd();

    [GeneratedRegex(@"next (?:fitting )?opening starts (\d{4}-\d\d-\d\d \d\d:\d\d)")]
    private static partial Regex NextOpening();

    [GeneratedRegex(@" at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ)")]
    private static partial Regex SimulatedNow();
}
