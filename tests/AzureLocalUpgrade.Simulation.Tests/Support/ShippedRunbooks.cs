using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Simulation.Tests.Support;

/// <summary>
/// Every PowerShell script in the repository's runbooks/ (top-level runbooks and, through their imports, every
/// fragment), read with the engine's own loader so the scripts are exactly the text the executor would run.
/// </summary>
internal static class ShippedRunbooks
{
    public static string Folder => Samples.RepositoryFolder("runbooks");

    /// <summary>The runbooks the CLI offers (every YAML file outside fragments/).</summary>
    public static IReadOnlyList<string> RunbookFiles =>
        [.. Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}fragments{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> FragmentFiles =>
        [.. Directory.EnumerateFiles(Path.Combine(Folder, "fragments"), "*.yaml").Order(StringComparer.Ordinal)];

    /// <summary>Every document reached from a runbook (the runbook and its fragments), each once, loaded without errors.</summary>
    public static IReadOnlyList<Runbook> Documents()
    {
        var documents = new Dictionary<string, Runbook>(StringComparer.Ordinal);
        foreach (var file in RunbookFiles)
        {
            var result = RunbookValidation.LoadAndValidate(file);
            result.Diagnostics.Where(d => d.IsError).Should().BeEmpty($"{file} is a shipped runbook");
            foreach (var document in StepTraversal.Documents(result.Runbook!))
            {
                documents.TryAdd(Path.GetFullPath(document.FilePath), document);
            }
        }

        return [.. documents.Values];
    }

    /// <summary>Each script with where it comes from ("file step-id").</summary>
    public static IEnumerable<(string Origin, string Script)> Scripts(IEnumerable<Runbook> documents)
    {
        foreach (var document in documents)
        {
            foreach (var visit in StepTraversal.Walk(document.Steps))
            {
                var origin = $"{Path.GetRelativePath(Folder, document.FilePath)} {visit.Step.Id}";
                if (visit.Step.WorkScript is { } work)
                {
                    yield return (origin, work.Script.Value);
                }

                if (visit.Step.SkipIf is { } guard)
                {
                    yield return (origin + " skipIf", guard.Value);
                }

                if (visit.Step.Manual?.Rehearse is { } rehearse)
                {
                    yield return (origin + " rehearse", rehearse.Value);
                }
            }
        }
    }

    /// <summary>The names of the commands a script calls, leaving out functions it defines itself and dynamic calls (&amp; $x).</summary>
    public static IEnumerable<string> CommandNames(string script) => Calls(script).Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each command call with the parameter names written on it (-Name, -Force:$false → Name, Force).</summary>
    public static IEnumerable<(string Name, IReadOnlyList<string> Parameters)> Calls(string script)
    {
        var ast = Parser.ParseInput(script, out _, out var errors);
        errors.Should().BeEmpty();
        var defined = ast.FindAll(a => a is FunctionDefinitionAst, searchNestedScriptBlocks: true)
            .Cast<FunctionDefinitionAst>()
            .Select(f => f.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true)
            .Cast<CommandAst>()
            .Where(c => c.GetCommandName() is { } name && !defined.Contains(name))
            .Select(c => (c.GetCommandName(), (IReadOnlyList<string>)[.. c.CommandElements.OfType<CommandParameterAst>().Select(p => p.ParameterName)]));
    }
}
