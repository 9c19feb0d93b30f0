using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>The machine-readable or human event stream for <c>--log-format</c>.</summary>
public enum LogFormat
{
    Text,
    Json,
}

/// <summary>
/// Picks how a run shows its progress: <c>json</c> gives JSON lines on stdout whatever stdout is; <c>text</c> on a
/// terminal gives the live display; <c>text</c> anywhere else (cron, a pipe, a file) gives one plain line per event.
/// With a logger factory, every event also goes to <see cref="LoggingEventSink"/>. Nothing here ever prompts.
/// </summary>
public static class EventSinkFactory
{
    /// <param name="stderr">Where a sink reports that stdout went away; never used for events.</param>
    /// <param name="outline">The run's nodes, steps and estimates for the live display (terminal only).</param>
    public static ICliEventSink Create(LogFormat logFormat, bool isTerminal, TextWriter stdout, TextWriter stderr, ILoggerFactory? loggerFactory = null, RunOutline? outline = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ICliEventSink primary = logFormat switch
        {
            LogFormat.Json => new JsonLinesEventSink(stdout, stderr),
            LogFormat.Text when isTerminal => new LiveConsoleEventSink(TerminalConsole(stdout), outline),
            LogFormat.Text => new PlainTextEventSink(stdout, stderr),
            _ => throw new ArgumentOutOfRangeException(nameof(logFormat), logFormat, null),
        };
        return loggerFactory is null ? primary : new CompositeEventSink(primary, new LoggingEventSink(loggerFactory));
    }

    /// <summary>Parses the <c>--log-format</c> value (text | json), case-insensitively; null for anything else.</summary>
    public static LogFormat? ParseLogFormat(string? value) => value?.ToLowerInvariant() switch
    {
        "text" => LogFormat.Text,
        "json" => LogFormat.Json,
        _ => null,
    };

    private static IAnsiConsole TerminalConsole(TextWriter stdout) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        // Spectre decides itself whether the terminal can redraw (TERM=dumb cannot); the sink degrades to lines if not.
        Interactive = InteractionSupport.Detect,
        Out = new AnsiConsoleOutput(stdout),
    });
}
