using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>One finding about the user's input. Made only through <see cref="DiagnosticCatalog"/> so codes stay stable.</summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceSpan Span, string Message, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The compiler-style line: <c>path:line:col: error ALU1001: message</c>.</summary>
    public override string ToString()
    {
        var where = Span.IsNone ? "alu" : Span.ToString();
        var level = Severity.ToString().ToLowerInvariant();
        return $"{where}: {level} {Code}: {Message}";
    }
}
