using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// Parses every PowerShell script (work scripts, skipIf guards, baselines, gate rehearsals, onFailure steps, fragments too) before anything
/// runs, and reports each parse error at the exact YAML line:column of the offending character.
/// </summary>
public static class ScriptSyntaxValidator
{
    public static void Validate(Runbook root, DiagnosticBag bag) => Validate(root, bag, null);

    /// <param name="cache">Skips the parser for texts it knows parse clean; null parses every script.</param>
    public static void Validate(Runbook root, DiagnosticBag bag, ScriptParseCache? cache)
    {
        foreach (var document in StepTraversal.Documents(root))
        {
            foreach (var visit in StepTraversal.Walk(document.Steps))
            {
                foreach (var script in ScriptsOf(visit.Step))
                {
                    // Checked here, not only inside the cache: any call that returns PowerShell's ParseError loads
                    // System.Management.Automation (18 MB), which a run with every script known clean never needs.
                    if (cache is null || !cache.IsKnownClean(script.Value))
                    {
                        ParseAndReport(script, cache, bag);
                    }
                }
            }
        }
    }

    private static void ParseAndReport(EmbeddedText script, ScriptParseCache? cache, DiagnosticBag bag) =>
        Report(script, cache is null ? Parse(script.Value) : cache.Parse(script.Value), bag);

    /// <summary>Parses one script; its errors become ALU4001 diagnostics mapped through the text's position.</summary>
    public static void Check(EmbeddedText script, DiagnosticBag bag) => Report(script, Parse(script.Value), bag);

    private static ParseError[] Parse(string script)
    {
        Parser.ParseInput(script, out _, out var errors);
        return errors;
    }

    private static void Report(EmbeddedText script, IReadOnlyList<ParseError> errors, DiagnosticBag bag)
    {
        foreach (var error in errors)
        {
            var at = script.Map(error.Extent.StartLineNumber, error.Extent.StartColumnNumber);
            bag.Add(DiagnosticCatalog.ScriptParseError(at, error.ErrorId, error.Message));
        }
    }

    private static IEnumerable<EmbeddedText> ScriptsOf(StepDefinition step)
    {
        if (step.WorkScript is { } work)
        {
            yield return work.Script;
        }

        if (step.SkipIf is { } guard)
        {
            yield return guard;
        }

        if (step.Baseline is { } baseline)
        {
            yield return baseline;
        }

        if (step.Manual?.Rehearse is { } rehearse)
        {
            yield return rehearse;
        }
    }
}
