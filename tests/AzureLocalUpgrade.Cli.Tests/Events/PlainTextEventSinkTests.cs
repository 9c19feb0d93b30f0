using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Tests.Events;

public sealed class PlainTextEventSinkTests
{
    private static string[] Lines(IEnumerable<RunEvent> events)
    {
        using var output = new StringWriter();
        using (var sink = new PlainTextEventSink(output, TextWriter.Null))
        {
            foreach (var runEvent in events)
            {
                sink.Publish(runEvent);
            }
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Every_event_is_one_line()
    {
        Lines(SampleEvents.OfEveryKind()).Should().HaveCount(SampleEvents.OfEveryKind().Count);
    }

    [Fact]
    public void A_line_is_time_kind_then_keys_in_a_fixed_order()
    {
        Lines([SampleEvents.Of(RunEventKind.StepFinished)]).Single().Should().Be(
            "2026-11-23T01:15:00.000Z step-finished run=20261123-021500-hci01-a1b2 step=rolling[hci01-n1]/drain target=\"node hci01-n1\" status=succeeded attempt=2 duration=83.457s");
    }

    [Fact]
    public void A_message_with_newlines_and_quotes_stays_on_one_line()
    {
        var line = Lines([SampleEvents.Of(RunEventKind.Warning) with { Message = "first\nsecond \"quoted\"" }]).Single();

        line.Should().EndWith("msg=\"first\\nsecond \\\"quoted\\\"\"");
    }

    [Fact]
    public void The_exit_code_of_a_finished_run_is_greppable()
    {
        Lines([SampleEvents.Of(RunEventKind.RunFinished)]).Single().Should().Contain(" run-finished ").And.Contain(" exit=1 ");
    }

    [Fact]
    public void No_colour_or_cursor_escapes_are_written()
    {
        Lines(SampleEvents.OfEveryKind()).Should().AllSatisfy(line => line.Should().NotContain("\u001b"));
    }
}
