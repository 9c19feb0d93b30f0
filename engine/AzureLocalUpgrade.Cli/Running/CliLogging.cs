using AzureLocalUpgrade.Cli.Events;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Structured logs (Microsoft.Extensions.Logging) on stderr, so stdout stays the event stream a scheduler parses.
/// Warnings and errors by default; <c>ALU_LOG_LEVEL=Information</c> (or Debug) adds per-step records with
/// RunId/StepId/Target/DurationMs properties; with <c>--log-format json</c> they are JSON too.
/// </summary>
public static class CliLogging
{
    public const string LevelVariable = "ALU_LOG_LEVEL";

    /// <summary>Run events go to the logs too only when a level is asked for; by default they would repeat the event stream on stderr.</summary>
    public static bool EventsRequested => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LevelVariable));

    public static ILoggerFactory Create(LogFormat format) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(LevelVariable), ignoreCase: true, out var level) ? level : LogLevel.Warning);
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        if (format == LogFormat.Json)
        {
            builder.AddJsonConsole(options => options.IncludeScopes = false);
        }
        else
        {
            builder.AddSimpleConsole(options => options.SingleLine = true);
        }
    });
}
