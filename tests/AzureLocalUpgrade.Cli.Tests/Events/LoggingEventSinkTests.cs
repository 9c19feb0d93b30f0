using AzureLocalUpgrade.Cli.Events;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Cli.Tests.Events;

public sealed class LoggingEventSinkTests
{
    [Fact]
    public void A_finished_step_is_logged_with_structured_properties()
    {
        var logger = new RecordingLogger();

        new LoggingEventSink(logger).Publish(SampleEvents.Of(RunEventKind.StepFinished));

        var entry = logger.Entries.Should().ContainSingle().Subject;
        entry.Properties.Should().Contain(new Dictionary<string, object?>
        {
            ["RunId"] = SampleEvents.RunId,
            ["StepId"] = "rolling[hci01-n1]/drain",
            ["Target"] = "node hci01-n1",
            ["Status"] = "succeeded",
            ["DurationMs"] = 83457L,
        });
    }

    [Theory]
    [InlineData(RunEventKind.StepStarted, null, null, LogLevel.Information)]
    [InlineData(RunEventKind.StepFinished, StepStatus.Failed, null, LogLevel.Error)]
    [InlineData(RunEventKind.StepAttemptFailed, StepStatus.Running, null, LogLevel.Warning)]
    [InlineData(RunEventKind.GateWaiting, null, null, LogLevel.Warning)]
    [InlineData(RunEventKind.RunFinished, null, 0, LogLevel.Information)]
    [InlineData(RunEventKind.RunFinished, null, 3, LogLevel.Warning)]
    [InlineData(RunEventKind.RunFinished, null, 1, LogLevel.Error)]
    public void The_level_follows_what_the_operator_has_to_do(RunEventKind kind, StepStatus? status, int? exitCode, LogLevel expected)
    {
        var runEvent = new RunEvent(kind, SampleEvents.At, SampleEvents.RunId, "s", Status: status, ExitCode: exitCode);

        LoggingEventSink.LevelOf(runEvent).Should().Be(expected);
    }

    [Fact]
    public void A_disabled_level_is_not_formatted()
    {
        var logger = new RecordingLogger { MinimumLevel = LogLevel.Warning };

        new LoggingEventSink(logger).Publish(SampleEvents.Of(RunEventKind.StepStarted));

        logger.Entries.Should().BeEmpty();
    }

    private sealed class RecordingLogger : ILogger
    {
        public LogLevel MinimumLevel { get; init; } = LogLevel.Trace;

        public List<(LogLevel Level, IReadOnlyDictionary<string, object?> Properties, string Text)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            Entries.Add((logLevel, properties, formatter(state, exception)));
        }
    }
}
