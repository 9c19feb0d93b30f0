using AzureLocalUpgrade.Cli.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AzureLocalUpgrade.Cli.Tests.Events;

public sealed class EventSinkFactoryTests
{
    [Theory]
    [InlineData(LogFormat.Json, true, typeof(JsonLinesEventSink))]
    [InlineData(LogFormat.Json, false, typeof(JsonLinesEventSink))]
    [InlineData(LogFormat.Text, true, typeof(LiveConsoleEventSink))]
    [InlineData(LogFormat.Text, false, typeof(PlainTextEventSink))]
    public void The_format_and_the_terminal_choose_the_sink(LogFormat format, bool isTerminal, Type expected)
    {
        using var sink = EventSinkFactory.Create(format, isTerminal, TextWriter.Null, TextWriter.Null);

        sink.Should().BeOfType(expected);
    }

    [Fact]
    public void A_logger_factory_adds_a_logging_sink_after_the_console_sink()
    {
        using ILoggerFactory loggers = NullLoggerFactory.Instance;

        using var sink = EventSinkFactory.Create(LogFormat.Json, isTerminal: false, TextWriter.Null, TextWriter.Null, loggers);

        sink.Should().BeOfType<CompositeEventSink>().Which.Sinks.Select(s => s.GetType())
            .Should().Equal(typeof(JsonLinesEventSink), typeof(LoggingEventSink));
    }

    [Fact]
    public void Json_goes_to_stdout_and_nothing_to_stderr()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        using (var sink = EventSinkFactory.Create(LogFormat.Json, isTerminal: true, stdout, stderr))
        {
            sink.Publish(SampleEvents.Of(Engine.Execution.Events.RunEventKind.RunStarted));
        }

        stdout.ToString().Should().StartWith("{\"formatVersion\":1,");
        stderr.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData("text", LogFormat.Text)]
    [InlineData("JSON", LogFormat.Json)]
    [InlineData("yaml", null)]
    [InlineData(null, null)]
    public void The_log_format_option_parses_case_insensitively(string? value, LogFormat? expected)
    {
        EventSinkFactory.ParseLogFormat(value).Should().Be(expected);
    }
}
