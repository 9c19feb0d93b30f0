using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.TestSupport;

/// <summary>
/// Terse builders for step definitions, so compiler tests read like the YAML they stand for.
/// Refine a step with <c>with { ... }</c> (Needs, When, Estimate, OnFailure, ...).
/// </summary>
internal static class Steps
{
    public static StepDefinition PowerShell(string id, string script = "Get-ClusterNode", TargetKind? on = null) =>
        Blank(id, StepKind.PowerShell) with { Script = Script(script, on) };

    public static StepDefinition Check(string id, string script = "$true", string? message = null, Severity severity = Severity.Error) =>
        Blank(id, StepKind.Check) with { Check = new CheckOptions(Script(script, null), Text(message), severity) };

    public static StepDefinition Wait(string id, string script = "$true", string interval = "30s", string timeout = "1h") =>
        Blank(id, StepKind.Wait) with
        {
            Wait = new WaitOptions(Script(script, null), Duration(interval), Duration(timeout), null),
        };

    public static StepDefinition Manual(string id, string instructions) =>
        Blank(id, StepKind.Manual) with { Manual = new ManualOptions(Text(instructions)!) };

    public static StepDefinition Group(string id, params StepDefinition[] children) =>
        Blank(id, StepKind.Group) with { Group = new GroupOptions(false, Strategy.Default, false, children) };

    public static StepDefinition ForEachNode(string id, Strategy strategy, params StepDefinition[] children) =>
        Blank(id, StepKind.Group) with { Group = new GroupOptions(true, strategy, false, children) };

    public static StepDefinition Use(string id, string alias, params (string Name, string Value)[] with) =>
        Blank(id, StepKind.Use) with { Use = new UseOptions(alias, Values(with)) };

    public static StepDefinition Needs(this StepDefinition step, params string[] needs) =>
        step with { Needs = needs, NeedsWritten = true };

    public static StepDefinition When(this StepDefinition step, string condition) => step with { When = Text(condition) };

    public static StepDefinition Named(this StepDefinition step, string name) => step with { Name = Text(name) };

    public static StepDefinition Takes(this StepDefinition step, string estimate) => step with { Estimate = Duration(estimate) };

    public static StepDefinition OnFailure(this StepDefinition step, params StepDefinition[] recovery) => step with { OnFailure = recovery };

    public static IReadOnlyDictionary<string, TemplateValue> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => new TemplateValue(EmbeddedText.Synthetic(v.Value), v.Value.Contains("{{", StringComparison.Ordinal) ? null : v.Value));

    public static EmbeddedText? Text(string? value) => value is null ? null : EmbeddedText.Synthetic(value);

    public static TimeSpan Duration(string text) =>
        DurationParser.TryParse(text, out var value) ? value : throw new ArgumentException($"bad duration {text}", nameof(text));

    private static ScriptDefinition Script(string script, TargetKind? on) =>
        new(on ?? TargetKind.Cluster, EmbeddedText.Synthetic(script), TargetFromDefault: on is null);

    private static StepDefinition Blank(string id, StepKind kind) => new(
        id, kind, null, null, null, null, null, null, null, null, [], null, null, null, null, null, false, [], [],
        SourceSpan.None, SourceSpan.None);
}
