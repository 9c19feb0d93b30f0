using System.Text.Json;
using AzureLocalUpgrade.Cli.Tests.Unattended;

namespace AzureLocalUpgrade.Cli.Tests.MachineOutput;

/// <summary>
/// <c>--log-format json</c> is for schedulers and pipelines: every stdout line is one event (docs/events.md) and every
/// stderr line of a diagnostic is one JSON object, so neither stream needs a human to read it.
/// </summary>
public sealed class RunJsonOutputTests
{
    [Fact]
    public async Task A_drifted_saved_plan_writes_its_diagnostic_as_one_json_line_on_stderr_and_nothing_on_stdout()
    {
        using var workspace = new UnattendedWorkspace();
        await workspace.SavePlan();
        var inventory = workspace.File("cluster.yaml");
        File.WriteAllText(inventory, File.ReadAllText(inventory).Replace("build: '20349.3692'\n    state: Up\n    secureBoot: true\n    nicDrivers: [ { vendor: NVIDIA", "build: '20349.3700'\n    state: Up\n    secureBoot: true\n    nicDrivers: [ { vendor: NVIDIA", StringComparison.Ordinal));

        var run = await workspace.RunPlan("--approve", "change-approved", "--log-format", "json");

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        var drift = Lines(run.Error).Single(d => d.GetProperty("code").GetString() == "ALU6004");
        drift.GetProperty("severity").GetString().Should().Be("error");
        drift.GetProperty("message").GetString().Should().Contain("maint02-n2");
        foreach (var field in new[] { "formatVersion", "file", "line", "column", "hint" })
        {
            drift.TryGetProperty(field, out _).Should().BeTrue(field);
        }
    }

    [Fact]
    public async Task A_continue_of_a_finished_run_emits_a_nothing_to_do_event_as_its_only_stdout_line()
    {
        using var workspace = new UnattendedWorkspace();
        (await workspace.RunRunbook("--approve", "change-approved")).ExitCode.Should().Be(0);
        var runId = await workspace.SingleRunId();

        var again = await workspace.RunRunbook("--continue", "--approve", "change-approved", "--log-format", "json");

        again.ExitCode.Should().Be(0, again.Error);
        var only = Lines(again.Out).Should().ContainSingle().Subject;
        only.GetProperty("formatVersion").GetInt32().Should().Be(1);
        only.GetProperty("kind").GetString().Should().Be("nothing-to-do");
        only.GetProperty("runId").GetString().Should().Be(runId);
        only.GetProperty("exitCode").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task A_json_run_writes_only_json_lines_on_stdout()
    {
        using var workspace = new UnattendedWorkspace();

        var run = await workspace.RunRunbook("--approve", "change-approved", "--log-format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        var events = Lines(run.Out);
        events.Should().NotBeEmpty().And.OnlyContain(e => e.GetProperty("formatVersion").GetInt32() == 1);
        events[^1].GetProperty("kind").GetString().Should().Be("run-finished");
    }

    /// <summary>Each non-empty line parsed on its own: fails the test if any line is not exactly one JSON object.</summary>
    private static List<JsonElement> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.ValueKind.Should().Be(JsonValueKind.Object, line);
            return document.RootElement.Clone();
        })];
}
