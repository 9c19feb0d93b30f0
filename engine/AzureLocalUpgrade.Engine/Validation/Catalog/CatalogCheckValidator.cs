using System.Collections.Concurrent;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// Checks every script a runbook carries (work scripts of powershell, check and wait steps, skipIf guards, gate
/// rehearsals, onFailure steps, fragments too) against the cmdlet catalog. A script known clean for this exact text,
/// context and catalog content is not parsed at all, so a warm run never loads System.Management.Automation.
/// </summary>
public static class CatalogCheckValidator
{
    /// <summary>Bump when a rule changes, so results cached by an older checker are not trusted.</summary>
    private const string CheckerVersion = "catalog-check/2";

    // One alu validate checks a shared fragment once per runbook importing it; the findings are the same each time.
    private static readonly ConcurrentDictionary<(string Key, Text.SourceSpan Span), Diagnostic[]> Memo = new();

    /// <summary>Scripts known clean, or null to check every time. The alu process sets the user's cache.</summary>
    public static CleanContentCache? CleanCache { get; set; }

    /// <summary>The cache file's name for this System.Management.Automation version (its parser shapes the AST).</summary>
    public static string CacheName => "catalog-check-" + ScriptParseCache.ReferencedVersion("System.Management.Automation");

    public static void Validate(Runbook root, RunbookCatalogs catalogs, DiagnosticBag bag)
    {
        foreach (var document in StepTraversal.Documents(root))
        {
            foreach (var visit in StepTraversal.Walk(document.Steps))
            {
                foreach (var (script, on, preamble) in ScriptsOf(visit))
                {
                    var context = ScriptContext.For(on, root.Metadata.Upgrade);
                    var key = CleanContentCache.KeyOf(CheckerVersion, catalogs.Digest, on.ToString(), string.Join(',', context.RunsOn), preamble ?? "", script.Value);
                    if (CleanCache?.IsClean(key) != true)
                    {
                        bag.AddRange(Memo.GetOrAdd((key, script.Span), _ => CheckUncached(script, preamble, context, catalogs, key)));
                    }
                }
            }
        }
    }

    // Apart from Validate: compiling this method loads System.Management.Automation, which a cache hit must not need.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Diagnostic[] CheckUncached(EmbeddedText script, string? preamble, ScriptContext context, RunbookCatalogs catalogs, string key)
    {
        var ast = Parser.ParseInput(script.Value, out _, out var errors);
        if (errors.Length > 0)
        {
            return []; // ALU4001 reports it; the calls of a script that does not parse cannot be judged.
        }

        var guard = preamble is null ? null : Parser.ParseInput(preamble, out _, out var guardErrors) is var parsed && guardErrors.Length == 0 ? parsed : null;
        var bag = new DiagnosticBag();
        ScriptCallChecker.Check(script, ast, context, catalogs.Catalog, bag, guard);
        if (bag.Items.Count == 0)
        {
            CleanCache?.RememberClean(key);
        }

        return [.. bag.Items];
    }

    // Each script with its target and, for the work a skipIf guards, that guard's text: it runs first, so what it
    // tests for (Get-Command, Get-InstalledModule) is tested before the work.
    private static IEnumerable<(EmbeddedText Script, TargetKind On, string? Preamble)> ScriptsOf(StepVisit visit)
    {
        var step = visit.Step;
        var stepTarget = step.WorkScript?.On ?? (visit.InsideForEach ? TargetKind.Node : TargetKind.Cluster);
        var guard = step.SkipIf?.Value;
        if (step.WorkScript is { } work)
        {
            yield return (work.Script, work.On, guard);
        }

        if (step.SkipIf is { } skipIf)
        {
            yield return (skipIf, stepTarget, null);
        }

        if (step.Baseline is { } baseline)
        {
            yield return (baseline, stepTarget, null);
        }

        if (step.Manual?.Rehearse is { } rehearse)
        {
            yield return (rehearse, stepTarget, guard);
        }
    }
}
