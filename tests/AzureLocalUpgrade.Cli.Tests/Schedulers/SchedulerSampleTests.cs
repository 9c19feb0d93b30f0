using System.Diagnostics;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Cli.Tests.Harness;

namespace AzureLocalUpgrade.Cli.Tests.Schedulers;

/// <summary>
/// Every scheduler sample's command line, exactly as written in the sample (only the machine's file paths swapped
/// for the test's), is fired against a simulated two-node cluster inside the sample's window: it must apply the
/// approved plan to the end, and the samples that go through alu-continue.sh must report "not yet" as success.
/// </summary>
public sealed partial class SchedulerSampleTests
{
    public static TheoryData<string> Samples =>
    [
        "cron/alu-upgrade.cron",
        "systemd/alu-upgrade.service",
        "windows/alu-upgrade-task.xml",
        "ci/azure-pipelines.yml",
        "ci/github-actions.yml",
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_sample_command_line_applies_the_approved_plan_inside_its_window(string sample)
    {
        var command = SchedulerSample.Read(sample);
        using var workspace = await SampleWorkspace.Create();

        var first = await workspace.Fire(command);

        first.ExitCode.Should().Be(0, first.Error);
        var status = await CliRun.Of(workspace.Path, "status", "--state-dir", workspace.StateDir, "--format", "json");
        status.Out.Should().Contain("\"state\": \"succeeded\"").And.Contain("\"exitCode\": 0");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_sample_continues_an_interrupted_run_and_keeps_its_state_on_persistent_storage(string sample)
    {
        var command = SchedulerSample.Read(sample);

        command.Arguments.Should().Contain("--continue");
        var stateDir = command.Option("--state-dir");
        stateDir.Should().NotBeNull();
        stateDir.Should().NotContainAny("Agent.WorkFolder", "github.workspace", "$(Build", "RUNNER_TEMP", "/tmp");
    }

    [Theory]
    [InlineData("ci/azure-pipelines.yml")]
    [InlineData("ci/github-actions.yml")]
    public void A_CI_schedule_fires_through_the_whole_window_on_both_days(string sample)
    {
        var text = File.ReadAllText(Path.Combine(AluProcess.RepositoryRoot, "samples", "schedulers", sample));
        var crons = CronLine().Matches(text).Select(m => m.Groups[1].Value).ToList();

        // The window is Sat 22:00 - Sun 06:00 UTC: Saturday's hours 22-23 and Sunday's hours 0-5 must both fire.
        crons.Should().Contain(c => c.EndsWith("22-23 * * 6", StringComparison.Ordinal));
        crons.Should().Contain(c => c.EndsWith("0-5 * * 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_wrapper_turns_a_pause_into_success_with_the_reason()
    {
        using var workspace = await SampleWorkspace.Create();
        var command = SchedulerSample.Read("ci/github-actions.yml");
        var arguments = command.WithPaths(workspace.Plan, workspace.Approvals, workspace.StateDir).ToList();
        // A window that is closed at the simulated clock's time: alu pauses with exit 3.
        arguments[arguments.IndexOf("--window") + 1] = "Wed 10:00-Wed 11:00";

        var fired = await workspace.FireThroughWrapper(arguments);

        fired.ExitCode.Should().Be(0, fired.Error);
        fired.Error.Should().Contain("(exit 3)").And.Contain("the next firing continues");
    }

    [GeneratedRegex("cron: \"([^\"]+)\"")]
    private static partial Regex CronLine();
}
