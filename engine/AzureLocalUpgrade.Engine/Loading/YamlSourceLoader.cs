using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inputs;
using AzureLocalUpgrade.Engine.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Reads a YAML file into YamlDotNet's representation model (every node keeps its line:column), after
/// checking size, nesting and alias expansion. Every failure becomes a diagnostic; nothing throws for bad input.
/// </summary>
public static class YamlSourceLoader
{
    public static YamlSource? Load(string path, DiagnosticBag bag, LoadLimits? limits = null, SourceSpan? referencedFrom = null)
    {
        limits ??= LoadLimits.Default;
        return ReadText(path, bag, limits, referencedFrom) is { } text ? Parse(path, text, bag, limits) : null;
    }

    /// <summary>
    /// The file's text through the one bounded reader (<see cref="InputFile"/>: a regular file, at most
    /// <see cref="LoadLimits.MaxFileBytes"/>), and only when it passes the safety scan (nesting, node count, aliases);
    /// for loaders that build their own model from YAML (approval files, fault scenarios).
    /// </summary>
    public static string? ReadSafeText(string path, DiagnosticBag bag, LoadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bag);
        limits ??= LoadLimits.Default;
        if (ReadText(path, bag, limits, null) is not { } text)
        {
            return null;
        }

        try
        {
            if (YamlSafetyScanner.Scan(path, text, limits) is { } refused)
            {
                bag.Add(refused);
                return null;
            }
        }
        catch (YamlException e)
        {
            bag.Add(DiagnosticCatalog.YamlSyntax(YamlSpans.At(path, e.Start), Describe(e)));
            return null;
        }

        return text;
    }

    private static string? ReadText(string path, DiagnosticBag bag, LoadLimits limits, SourceSpan? referencedFrom)
    {
        var read = InputFile.Read(path, limits.MaxFileBytes);
        if (read.Succeeded)
        {
            return read.Text();
        }

        bag.Add(read.ToDiagnostic(referencedFrom ?? SourceSpan.At(path, 1, 1)));
        return null;
    }

    /// <summary>Parses text already in memory; <paramref name="file"/> names it in diagnostics.</summary>
    public static YamlSource? Parse(string file, string text, DiagnosticBag bag, LoadLimits? limits = null)
    {
        limits ??= LoadLimits.Default;
        if (text.Length > limits.MaxFileBytes)
        {
            bag.Add(DiagnosticCatalog.FileTooLarge(SourceSpan.At(file, 1, 1), text.Length, limits.MaxFileBytes));
            return null;
        }

        try
        {
            if (YamlSafetyScanner.Scan(file, text, limits) is { } refused)
            {
                bag.Add(refused);
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return new YamlSource(file, root, text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
        }
        catch (YamlException e)
        {
            bag.Add(DiagnosticCatalog.YamlSyntax(YamlSpans.At(file, e.Start), Describe(e)));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18.1 throws this without a position for some malformed input (an unclosed flow sequence).
            bag.Add(DiagnosticCatalog.YamlSyntax(SourceSpan.At(file, 1, 1), e.Message));
            return null;
        }
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the diagnostic already has the position.
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && marker >= 0 ? message[(marker + 3)..] : message;
    }
}
