namespace AzureLocalUpgrade.Engine.Text;

/// <summary>A 1-based line:column range inside one source file. Positions are kept from load to plan.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A span for things that have no source text (engine-made steps, command-line values).</summary>
    public static readonly SourceSpan None = new("", 0, 0, 0, 0);

    public bool IsNone => Line == 0;

    public static SourceSpan At(string file, int line, int column) => new(file, line, column, line, column);

    /// <summary>The span of a position inside a block scalar: line/column are relative to the block's first line.</summary>
    public SourceSpan Offset(int relativeLine, int relativeColumn, int blockIndent) =>
        relativeLine <= 1
            ? At(File, Line, Column + relativeColumn - 1)
            : At(File, Line + relativeLine - 1, blockIndent + relativeColumn);

    public override string ToString() => IsNone ? "" : $"{File}:{Line}:{Column}";
}
