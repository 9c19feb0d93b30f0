using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Simulation.Scenarios;

/// <summary>The diagnostics a scenario file can produce (ALU9xx: simulator inputs). One factory per code.</summary>
internal static class ScenarioDiagnostics
{
    public static Diagnostic Unreadable(string file, string reason) =>
        new("ALU901", Severity.Error, SourceSpan.None with { File = file }, $"Cannot read scenario file '{file}': {reason}");

    public static Diagnostic InvalidYaml(SourceSpan span, string reason) =>
        new("ALU902", Severity.Error, span, $"The scenario is not valid YAML: {reason}");

    public static Diagnostic WrongShape(SourceSpan span, string what) =>
        new("ALU903", Severity.Error, span, what);

    public static Diagnostic UnknownField(SourceSpan span, string field, IEnumerable<string> known) =>
        new("ALU904", Severity.Error, span, $"Unknown field '{field}'. Known fields: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");

    public static Diagnostic UnknownFaultKind(SourceSpan span, string kind, IEnumerable<string> known) =>
        new("ALU905", Severity.Error, span, $"Unknown fault kind '{kind}'. Known kinds: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");

    public static Diagnostic MissingField(SourceSpan span, string field, string owner) =>
        new("ALU906", Severity.Error, span, $"{owner} needs '{field}'.");

    public static Diagnostic InvalidValue(SourceSpan span, string field, string value, string expected) =>
        new("ALU907", Severity.Error, span, $"'{value}' is not a valid value for '{field}': expected {expected}.");
}
