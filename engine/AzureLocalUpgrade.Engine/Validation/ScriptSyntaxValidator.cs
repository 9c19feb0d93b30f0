using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// Parses every PowerShell script (work scripts, skipIf guards, gate rehearsals, onFailure steps, fragments too) before anything
/// runs, and reports each parse error at the exact YAML line:column of the offending character.
/// </summary>
public static class ScriptSyntaxValidator
{
    public static void Validate(Runbook root, DiagnosticBag bag)
    {
        foreach (var document in StepTraversal.Documents(root))
        {
            foreach (var visit in StepTraversal.Walk(document.Steps))
            {
                foreach (var script in ScriptsOf(visit.Step))
                {
                    Check(script, bag);
                }
            }
        }
    }

    /// <summary>Parses one script; its errors become ALU4001 diagnostics mapped through the text's position.</summary>
    public static void Check(EmbeddedText script, DiagnosticBag bag)
    {
        Parser.ParseInput(script.Value, out _, out var errors);
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

        if (step.Manual?.Rehearse is { } rehearse)
        {
            yield return rehearse;
        }
    }
}
