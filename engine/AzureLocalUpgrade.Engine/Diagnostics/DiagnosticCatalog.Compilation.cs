using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Diagnostics;

// Compile-stage diagnostics (ALU3xxx): templates rendered and the step graph built from a validated runbook.
// Kept in their own partial file so the loading/validation catalog can grow independently.
public static partial class DiagnosticCatalog
{
    public static Diagnostic TemplateSyntaxError(SourceSpan span, string detail) =>
        new("ALU3001", Severity.Error, span, $"Template syntax error: {detail}");

    public static Diagnostic TemplateRenderFailed(SourceSpan span, string detail) =>
        new("ALU3002", Severity.Error, span, $"Template could not be rendered: {detail}",
            "Template variables are params, inputs, cluster and (inside forEach: node) node.");

    public static Diagnostic ConditionNotBoolean(SourceSpan span, string condition, string rendered) =>
        new("ALU3003", Severity.Error, span, $"The condition '{condition}' gave '{rendered}', not true or false.");

    public static Diagnostic UnknownFragmentAlias(SourceSpan span, string alias, IEnumerable<string> known) =>
        new("ALU3004", Severity.Error, span, $"No import is named '{alias}'.",
            $"Imports: {JoinOrNone(known)}.");

    public static Diagnostic UnknownSiblingNeed(SourceSpan span, string stepId, string need, IEnumerable<string> siblings) =>
        new("ALU3005", Severity.Error, span, $"Step '{stepId}' needs '{need}', which is not a sibling step.",
            $"Siblings: {JoinOrNone(siblings)}.");

    public static Diagnostic SiblingNeedsCycle(SourceSpan span, IEnumerable<string> cycle) =>
        new("ALU3006", Severity.Error, span, $"Steps depend on each other in a cycle: {string.Join(" -> ", cycle)}.");

    public static Diagnostic FragmentInputMissing(SourceSpan span, string alias, string input) =>
        new("ALU3007", Severity.Error, span, $"The call of '{alias}' gives no value for its required input '{input}'.",
            $"Add it under with: {{ {input}: ... }} on the step or on the import.");

    public static Diagnostic NestedForEach(SourceSpan span, string groupId) =>
        new("ALU3008", Severity.Error, span, $"Group '{groupId}' uses forEach: node inside another forEach: node group.");

    public static Diagnostic FragmentInputNotConvertible(SourceSpan span, string input, string value, string type) =>
        new("ALU3009", Severity.Error, span, $"Input '{input}' got '{value}', which is not a valid {type}.");

    private static string JoinOrNone(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
