using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// <c>--log-format json</c>: one compact JSON object per event and line (docs/events.md). Field order is fixed with
/// <c>formatVersion</c> first so a consumer can decide how to read the rest before reading it; null fields are left out.
/// </summary>
public sealed class JsonLinesEventSink : ICliEventSink
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // Node names and messages stay readable (no \u0027 for quotes); still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly GuardedWriter _writer;
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    public JsonLinesEventSink(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        _writer = new GuardedWriter(output, error, "JSON event");
    }

    public void Publish(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        _writer.WriteLine(Format(runEvent));
    }

    public void Dispose() => _writer.Flush();

    /// <summary>The line for one event, without its newline.</summary>
    public string Format(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", runEvent.FormatVersion);
            json.WriteString("kind", EventNames.Kind(runEvent.Kind));
            json.WriteString("time", EventNames.Time(runEvent.Time));
            json.WriteString("runId", runEvent.RunId);
            WriteIfPresent(json, "stepId", runEvent.StepId);
            WriteIfPresent(json, "target", runEvent.Target);
            if (runEvent.Status is { } status)
            {
                json.WriteString("status", EventNames.Status(status));
            }

            if (runEvent.Attempt is { } attempt)
            {
                json.WriteNumber("attempt", attempt);
            }

            if (runEvent.Duration is { } duration)
            {
                json.WriteNumber("durationMs", EventNames.Milliseconds(duration));
            }

            WriteIfPresent(json, "message", runEvent.Message);
            if (runEvent.ExitCode is { } exitCode)
            {
                json.WriteNumber("exitCode", exitCode);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
