using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Diagnostics;

// Compile-stage diagnostics (ALU30xx): problems only visible once parameter values and the inventory are known.
// Kept in their own partial file so the front-end catalog can grow independently. Problems the validator
// already names (unknown needs, cycles, template syntax) reuse its codes.
public static partial class DiagnosticCatalog
{
    public const string TemplateRenderFailedCode = "ALU3001";
    public const string ConditionNotBooleanCode = "ALU3002";
    public const string FragmentInputNotConvertibleCode = "ALU3003";

    public static Diagnostic TemplateRenderFailed(SourceSpan span, string detail) =>
        new(TemplateRenderFailedCode, Severity.Error, span, $"The template could not be rendered with these values: {detail}",
            "Template variables are params, inputs, cluster and (inside forEach: node) node.");

    public static Diagnostic ConditionNotBoolean(SourceSpan span, string condition, string rendered) =>
        new(ConditionNotBooleanCode, Severity.Error, span, $"The condition '{condition.Trim()}' gave '{rendered}', not true or false.",
            "Compare explicitly, e.g. params.mode == 'offline'.");

    public static Diagnostic FragmentInputNotConvertible(SourceSpan span, string input, string value, string type) =>
        new(FragmentInputNotConvertibleCode, Severity.Error, span, $"The input '{input}' got '{value}', which is not a valid {type}.");
}
