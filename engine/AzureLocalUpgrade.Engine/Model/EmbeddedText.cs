using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// A string that came from a YAML scalar and is itself source code (PowerShell, Scriban).
/// It remembers where its first character sits so errors inside it map back to the YAML file.
/// </summary>
public sealed record EmbeddedText(string Value, SourceSpan Span, int ContentLine, int ContentColumn, bool IsBlock)
{
    public static EmbeddedText Synthetic(string value) => new(value, SourceSpan.None, 0, 0, false);

    /// <summary>Maps a 1-based line:column inside <see cref="Value"/> to the YAML file.</summary>
    public SourceSpan Map(int line, int column)
    {
        if (Span.IsNone)
        {
            return SourceSpan.None;
        }

        // Block scalars keep their indentation out of the value, so every line starts at ContentColumn.
        // Plain and quoted scalars are mapped exactly on their first line and by line offset after it.
        return line <= 1 || IsBlock
            ? SourceSpan.At(Span.File, ContentLine + line - 1, ContentColumn + column - 1)
            : SourceSpan.At(Span.File, ContentLine + line - 1, column);
    }

    public override string ToString() => Value;
}
