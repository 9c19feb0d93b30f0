using System.Text.Json;
using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Tests.Events;

public sealed class JsonLinesEventSinkTests
{
    private static IReadOnlyList<JsonElement> Publish(IEnumerable<RunEvent> events)
    {
        using var output = new StringWriter();
        using (var sink = new JsonLinesEventSink(output, TextWriter.Null))
        {
            foreach (var runEvent in events)
            {
                sink.Publish(runEvent);
            }
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }

    private static JsonElement Line(RunEventKind kind) => Publish([SampleEvents.Of(kind)]).Single();

    private static IEnumerable<string> Names(JsonElement line) => line.EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Every_event_is_one_line_of_JSON()
    {
        Publish(SampleEvents.OfEveryKind()).Should().HaveCount(SampleEvents.OfEveryKind().Count);
    }

    [Fact]
    public void Every_line_starts_with_the_format_version()
    {
        Publish(SampleEvents.OfEveryKind()).Should().AllSatisfy(line =>
        {
            Names(line).First().Should().Be("formatVersion");
            line.GetProperty("formatVersion").GetInt32().Should().Be(RunEvent.CurrentFormatVersion);
        });
    }

    [Theory]
    [InlineData(RunEventKind.RunStarted, "run-started")]
    [InlineData(RunEventKind.StepStarted, "step-started")]
    [InlineData(RunEventKind.StepAttemptFailed, "step-attempt-failed")]
    [InlineData(RunEventKind.StepFinished, "step-finished")]
    [InlineData(RunEventKind.StepSkipped, "step-skipped")]
    [InlineData(RunEventKind.GateWaiting, "gate-waiting")]
    [InlineData(RunEventKind.GateApproved, "gate-approved")]
    [InlineData(RunEventKind.HealthGateWaiting, "health-gate-waiting")]
    [InlineData(RunEventKind.Warning, "warning")]
    [InlineData(RunEventKind.GroupStopped, "group-stopped")]
    [InlineData(RunEventKind.LeftoverChange, "leftover-change")]
    [InlineData(RunEventKind.RunFinished, "run-finished")]
    [InlineData(RunEventKind.NothingToDo, "nothing-to-do")]
    public void The_kind_is_written_in_kebab_case(RunEventKind kind, string expected)
    {
        Line(kind).GetProperty("kind").GetString().Should().Be(expected);
    }

    [Fact]
    public void Every_kind_of_the_engine_has_a_documented_sample()
    {
        SampleEvents.OfEveryKind().Select(e => e.Kind).Should().BeEquivalentTo(Enum.GetValues<RunEventKind>());
    }

    [Fact]
    public void A_finished_step_carries_every_step_field_in_the_documented_order()
    {
        var line = Line(RunEventKind.StepFinished);

        Names(line).Should().Equal("formatVersion", "kind", "time", "runId", "stepId", "target", "status", "attempt", "durationMs");
        line.GetProperty("time").GetString().Should().Be("2026-11-23T01:15:00.000Z", "times are UTC");
        line.GetProperty("runId").GetString().Should().Be(SampleEvents.RunId);
        line.GetProperty("stepId").GetString().Should().Be("rolling[hci01-n1]/drain");
        line.GetProperty("target").GetString().Should().Be("node hci01-n1");
        line.GetProperty("status").GetString().Should().Be("succeeded");
        line.GetProperty("attempt").GetInt32().Should().Be(2);
        line.GetProperty("durationMs").GetInt64().Should().Be(83457);
    }

    [Fact]
    public void Run_finished_carries_the_exit_code_and_omits_step_fields()
    {
        var line = Line(RunEventKind.RunFinished);

        Names(line).Should().Equal("formatVersion", "kind", "time", "runId", "message", "exitCode");
        line.GetProperty("exitCode").GetInt32().Should().Be(1);
        line.GetProperty("message").GetString().Should().Be("the run failed at rolling[hci01-n2]/update");
    }

    [Theory]
    [InlineData(StepStatus.WaitingForApproval, "waiting-for-approval")]
    [InlineData(StepStatus.NotRun, "not-run")]
    [InlineData(StepStatus.Interrupted, "interrupted")]
    public void Multi_word_statuses_are_kebab_case(StepStatus status, string expected)
    {
        var line = Publish([SampleEvents.Of(RunEventKind.StepFinished) with { Status = status }]).Single();

        line.GetProperty("status").GetString().Should().Be(expected);
    }

    [Fact]
    public void Quotes_and_newlines_in_a_message_stay_inside_one_line()
    {
        using var output = new StringWriter();
        using (var sink = new JsonLinesEventSink(output, TextWriter.Null))
        {
            sink.Publish(SampleEvents.Of(RunEventKind.Warning) with { Message = "line one\nsaid \"no\"" });
        }

        output.ToString().TrimEnd('\n').Should().NotContain("\n");
        JsonDocument.Parse(output.ToString()).RootElement.GetProperty("message").GetString().Should().Be("line one\nsaid \"no\"");
    }

    [Fact]
    public void A_closed_stdout_is_reported_once_on_stderr_and_does_not_stop_the_run()
    {
        var closed = new StringWriter();
        closed.Dispose();
        using var error = new StringWriter();
        using var sink = new JsonLinesEventSink(closed, error);

        var publishing = () =>
        {
            sink.Publish(SampleEvents.Of(RunEventKind.RunStarted));
            sink.Publish(SampleEvents.Of(RunEventKind.RunFinished));
        };

        publishing.Should().NotThrow();
        error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().Contain("cannot be written");
    }
}
