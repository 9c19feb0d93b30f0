using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Cli.Output;

/// <summary>
/// <c>alu validate --format sarif</c>: the diagnostics as one SARIF 2.1.0 log for code-scanning pipelines (GitHub code
/// scanning, Azure DevOps). One run, tool <c>alu</c>, one rule per ALU code used, one result per diagnostic with its
/// file relative to the working directory (so the pipeline maps it onto the repository) and its line and column.
/// </summary>
public sealed class SarifWriter(CliConsole console)
{
    public const string Version = "2.1.0";
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Write(IReadOnlyList<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", Version);
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, diagnostics);
            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                WriteResult(json, diagnostic);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<Diagnostic> diagnostics)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "alu");
        json.WriteStartArray("rules");
        foreach (var code in diagnostics.Select(d => d.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", code);
            json.WriteStartObject("help");
            json.WriteString("text", $"See {code} in docs/diagnostics.md.");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteString("level", diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        });
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Hint is null ? diagnostic.Message : $"{diagnostic.Message} Hint: {diagnostic.Hint}");
        json.WriteEndObject();
        if (!diagnostic.Span.IsNone)
        {
            WriteLocation(json, diagnostic);
        }

        json.WriteEndObject();
    }

    private void WriteLocation(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        var span = diagnostic.Span;
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", UriOf(span.File));
        json.WriteEndObject();
        json.WriteStartObject("region");
        // SARIF lines and columns are 1-based; a diagnostic about a whole file carries no position.
        json.WriteNumber("startLine", Math.Max(1, span.Line));
        json.WriteNumber("startColumn", Math.Max(1, span.Column));
        if (span.EndLine >= span.Line && span.EndLine > 0)
        {
            json.WriteNumber("endLine", span.EndLine);
            if (span.EndColumn > 0 && (span.EndLine > span.Line || span.EndColumn >= span.Column))
            {
                json.WriteNumber("endColumn", span.EndColumn);
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>Relative with forward slashes under the working directory; an absolute file: URI elsewhere.</summary>
    private string UriOf(string file)
    {
        var display = console.DisplayPath(file);
        return Path.IsPathRooted(display) ? new System.Uri(display).AbsoluteUri : System.Uri.EscapeDataString(display).Replace("%2F", "/", StringComparison.Ordinal);
    }
}
