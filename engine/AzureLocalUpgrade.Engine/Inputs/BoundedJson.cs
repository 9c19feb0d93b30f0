using System.Text.Json;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Inputs;

/// <summary>
/// JSON inputs (saved plans, run.json, pinned parameters, simulation.json) read through <see cref="InputFile"/> and
/// parsed with a nesting limit, so a hostile file costs at most its size limit and never the stack.
/// </summary>
public static class BoundedJson
{
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = InputLimits.JsonDepth };

    /// <summary>Reads and parses <paramref name="path"/>; null with a diagnostic in <paramref name="bag"/> when it cannot.</summary>
    public static JsonDocument? Parse(string path, long limit, DiagnosticBag bag, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bag);
        bytes = [];
        var read = InputFile.Read(path, limit);
        if (!read.Succeeded)
        {
            bag.Add(read.ToDiagnostic());
            return null;
        }

        bytes = read.Bytes!;
        try
        {
            return JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            bag.Add(Describe(path, e));
            return null;
        }
    }

    /// <summary>A JSON syntax or depth error as a positioned diagnostic (ALU1005 for depth, ALU1003 otherwise).</summary>
    public static Diagnostic Describe(string path, JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var at = SourceSpan.At(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        return e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? DiagnosticCatalog.NestingTooDeep(at, InputLimits.JsonDepth) with { Message = $"The JSON nests deeper than {InputLimits.JsonDepth} levels." }
            : DiagnosticCatalog.YamlSyntax(at, e.Message) with { Message = $"The JSON is not well formed: {FirstSentence(e.Message)}" };
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
