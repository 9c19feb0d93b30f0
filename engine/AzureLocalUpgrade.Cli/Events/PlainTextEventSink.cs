using System.Globalization;
using System.Text;
using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// Text output when stdout is not a terminal (cron, a service, <c>| tee run.log</c>): one line per event, no colour,
/// no cursor movement. The line is <c>TIME KIND key=value ...</c> with a fixed key order, values quoted only when they
/// hold a space, a quote or an equals sign, and newlines escaped, so <c>grep 'step-finished.*status=failed'</c> works.
/// </summary>
public sealed class PlainTextEventSink : ICliEventSink
{
    private readonly GuardedWriter _writer;

    public PlainTextEventSink(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        _writer = new GuardedWriter(output, error, "text event");
    }

    public void Publish(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        _writer.WriteLine(Format(runEvent));
    }

    public void Dispose() => _writer.Flush();

    public static string Format(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        var line = new StringBuilder(160)
            .Append(EventNames.Time(runEvent.Time))
            .Append(' ')
            .Append(EventNames.Kind(runEvent.Kind));
        Append(line, "run", runEvent.RunId);
        Append(line, "step", runEvent.StepId);
        Append(line, "target", runEvent.Target);
        Append(line, "status", runEvent.Status is { } status ? EventNames.Status(status) : null);
        Append(line, "attempt", runEvent.Attempt?.ToString(CultureInfo.InvariantCulture));
        Append(line, "duration", runEvent.Duration is { } duration
            ? (EventNames.Milliseconds(duration) / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + "s"
            : null);
        Append(line, "exit", runEvent.ExitCode?.ToString(CultureInfo.InvariantCulture));
        Append(line, "msg", runEvent.Message);
        return line.ToString();
    }

    private static void Append(StringBuilder line, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        line.Append(' ').Append(key).Append('=');
        if (value.Length > 0 && !value.Any(c => c is ' ' or '"' or '=' or '\\' || char.IsControl(c)))
        {
            line.Append(value);
            return;
        }

        line.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => line.Append("\\\""),
                '\\' => line.Append("\\\\"),
                '\n' => line.Append("\\n"),
                '\r' => line.Append("\\r"),
                '\t' => line.Append("\\t"),
                _ when char.IsControl(c) => line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => line.Append(c),
            };
        }

        line.Append('"');
    }
}
