using System.Text.Encodings.Web;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Cli.Output;

/// <summary>
/// The one place diagnostics are printed. Text: <c>path:line:col: error ALU1234: message</c> on stderr (IDEs and
/// terminals link it), with the hint on the next line. Json: one object on stdout, <c>formatVersion</c> first and the
/// <c>diagnostics</c> array (a bare array until format version 1; docs/events.md). A run with
/// <c>--log-format json</c> keeps stdout for its event stream, so its diagnostics are JSON lines on stderr.
/// </summary>
public sealed class DiagnosticRenderer(CliConsole console)
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Diagnostics of <c>alu run</c> / <c>alu resume</c>: text on stderr, or with <c>--log-format json</c> one compact
    /// JSON object per diagnostic and line on stderr, so stdout carries nothing but events (docs/events.md).
    /// </summary>
    public void RenderForRun(IEnumerable<Diagnostic> diagnostics, Events.LogFormat logFormat)
    {
        if (logFormat != Events.LogFormat.Json)
        {
            Render(diagnostics, OutputFormat.Text);
            return;
        }

        foreach (var diagnostic in Sort(diagnostics))
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, LineOptions))
            {
                WriteObject(json, diagnostic, formatVersion: true);
            }

            console.Error.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    public void Render(IEnumerable<Diagnostic> diagnostics, OutputFormat format)
    {
        var sorted = Sort(diagnostics);
        if (format == OutputFormat.Json)
        {
            console.Out.Write(ToJson(sorted));
            return;
        }

        foreach (var diagnostic in sorted)
        {
            var where = diagnostic.Span.IsNone ? "alu" : $"{console.DisplayPath(diagnostic.Span.File)}:{diagnostic.Span.Line}:{diagnostic.Span.Column}";
            console.Error.WriteLine($"{where}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}");
            if (diagnostic.Hint is not null)
            {
                console.Error.WriteLine($"  hint: {diagnostic.Hint}");
            }
        }
    }

    public string ToJson(IReadOnlyList<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", DocumentFormatVersion);
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                WriteObject(json, d, formatVersion: false);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The version of the JSON diagnostics document (<c>--format json</c>); the rule in docs/events.md applies.</summary>
    public const int DocumentFormatVersion = 1;

    /// <summary>The version of the JSON-lines diagnostic shape on stderr; the rule in docs/events.md applies.</summary>
    public const int LineFormatVersion = 1;

    private void WriteObject(Utf8JsonWriter json, Diagnostic d, bool formatVersion)
    {
        json.WriteStartObject();
        if (formatVersion)
        {
            json.WriteNumber("formatVersion", LineFormatVersion);
        }

        json.WriteString("code", d.Code);
        json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        json.WriteString("file", d.Span.IsNone ? null : console.DisplayPath(d.Span.File));
        json.WriteNumber("line", d.Span.Line);
        json.WriteNumber("column", d.Span.Column);
        json.WriteNumber("endLine", d.Span.EndLine);
        json.WriteNumber("endColumn", d.Span.EndColumn);
        json.WriteString("message", d.Message);
        json.WriteString("hint", d.Hint);
        json.WriteEndObject();
    }

    private static List<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .Distinct()];
}
