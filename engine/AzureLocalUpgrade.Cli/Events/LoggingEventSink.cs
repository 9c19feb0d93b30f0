using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Execution.Events;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// Forwards events to Microsoft.Extensions.Logging with structured properties (Kind, RunId, StepId, Target, Status,
/// DurationMs, ExitCode) so a log backend can filter on them. Carries exactly the event's fields: never a parameter
/// value. The level follows what an operator has to act on: failures are errors, pauses and warnings are warnings.
/// </summary>
public sealed partial class LoggingEventSink(ILogger logger) : ICliEventSink
{
    public const string Category = "AzureLocalUpgrade.Run";

    public LoggingEventSink(ILoggerFactory loggerFactory)
        : this((loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory))).CreateLogger(Category))
    {
    }

    public void Publish(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        var level = LevelOf(runEvent);
        if (!logger.IsEnabled(level))
        {
            return;
        }

        Log(
            logger,
            level,
            EventNames.Kind(runEvent.Kind),
            runEvent.RunId,
            runEvent.StepId,
            runEvent.Target,
            runEvent.Status is { } status ? EventNames.Status(status) : null,
            runEvent.Duration is { } duration ? EventNames.Milliseconds(duration) : null,
            runEvent.ExitCode,
            runEvent.Message);
    }

    public void Dispose()
    {
    }

    public static LogLevel LevelOf(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        return runEvent.Kind switch
        {
            RunEventKind.StepFinished when runEvent.Status is StepStatus.Failed => LogLevel.Error,
            RunEventKind.StepFinished when runEvent.Status is StepStatus.Interrupted => LogLevel.Warning,
            RunEventKind.RunFinished => runEvent.ExitCode switch
            {
                RunExitCodes.Succeeded => LogLevel.Information,
                RunExitCodes.Paused or RunExitCodes.Cancelled => LogLevel.Warning,
                _ => LogLevel.Error,
            },
            RunEventKind.StepAttemptFailed or RunEventKind.Warning or RunEventKind.GroupStopped or RunEventKind.LeftoverChange
                or RunEventKind.GateWaiting or RunEventKind.HealthGateWaiting => LogLevel.Warning,
            _ => LogLevel.Information,
        };
    }

    [LoggerMessage(EventId = 1, EventName = "RunEvent",
        Message = "{Kind} run={RunId} step={StepId} target={Target} status={Status} durationMs={DurationMs} exitCode={ExitCode}: {Message}")]
    private static partial void Log(ILogger logger, LogLevel level, string kind, string runId, string? stepId, string? target,
        string? status, long? durationMs, int? exitCode, string? message);
}
