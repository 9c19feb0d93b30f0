using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Parameters;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// Checks what the schema cannot: ids, needs and the ordering rule, cycles, fragment calls and their inputs,
/// targets that need a node, and every template. Runs on each document (runbook and fragments) once.
/// </summary>
public static class SemanticValidator
{
    public static void Validate(Runbook root, DiagnosticBag bag)
    {
        foreach (var document in StepTraversal.Documents(root))
        {
            ValidateDocument(document, bag);
        }
    }

    private static void ValidateDocument(Runbook document, DiagnosticBag bag)
    {
        var aliases = new Dictionary<string, ImportDefinition>(StringComparer.Ordinal);
        foreach (var import in document.Imports)
        {
            if (!aliases.TryAdd(import.Alias, import))
            {
                bag.Add(DiagnosticCatalog.DuplicateImportAlias(import.Span, import.Alias));
            }
        }

        foreach (var siblings in StepTraversal.SiblingLists(document.Steps))
        {
            CheckSiblings(siblings, bag);
        }

        var isFragment = document.Kind == RunbookKind.Fragment;
        var templates = new TemplateValidator(document, bag);
        foreach (var visit in StepTraversal.Walk(document.Steps))
        {
            CheckPlacement(visit, isFragment, bag);
            if (visit.Step.Use is { } use)
            {
                CheckCall(visit.Step, use, aliases, bag);
            }

            templates.CheckStep(visit);
        }
    }

    private static void CheckSiblings(IReadOnlyList<StepDefinition> siblings, DiagnosticBag bag)
    {
        var ids = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        foreach (var step in siblings)
        {
            if (!ids.TryAdd(step.Id, step))
            {
                bag.Add(DiagnosticCatalog.DuplicateStepId(step.IdSpan, step.Id, ids[step.Id].IdSpan));
            }
        }

        foreach (var step in siblings)
        {
            foreach (var need in step.Needs.Where(n => !ids.ContainsKey(n)))
            {
                bag.Add(DiagnosticCatalog.UnknownNeeds(step.IdSpan, step.Id, need, ids.Keys.Where(id => id != step.Id)));
            }
        }

        var dependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var index = 0; index < siblings.Count; index++)
        {
            dependencies.TryAdd(siblings[index].Id, StepOrdering.DependenciesOf(siblings, index).Where(ids.ContainsKey).ToList());
        }

        foreach (var cycle in CycleFinder.FindCycles([.. ids.Keys], id => dependencies[id]))
        {
            bag.Add(DiagnosticCatalog.DependencyCycle(ids[cycle[0]].IdSpan, cycle));
        }
    }

    private static void CheckPlacement(StepVisit visit, bool isFragment, DiagnosticBag bag)
    {
        var step = visit.Step;
        if (step.Group is { ForEachNode: true } && visit.InsideForEach)
        {
            bag.Add(DiagnosticCatalog.ForEachInsideForEach(step.IdSpan, step.Id));
        }

        // A fragment may be called inside a forEach group, so only its call site can tell; the compiler checks there.
        if (!isFragment && !visit.InsideForEach && step.WorkScript is { On: TargetKind.Node, TargetFromDefault: false })
        {
            bag.Add(DiagnosticCatalog.NodeTargetOutsideForEach(step.IdSpan, step.Id));
        }
    }

    private static void CheckCall(StepDefinition step, UseOptions use, IReadOnlyDictionary<string, ImportDefinition> aliases, DiagnosticBag bag)
    {
        if (!aliases.TryGetValue(use.Alias, out var import))
        {
            bag.Add(DiagnosticCatalog.UnknownUseAlias(step.IdSpan, use.Alias, aliases.Keys));
            return;
        }

        if (import.Fragment is not { } fragment)
        {
            return; // The import itself was refused and reported.
        }

        var declared = fragment.Parameters.Select(p => p.Name).ToList();
        foreach (var (name, value) in use.With.Concat(import.With))
        {
            if (!declared.Contains(name, StringComparer.Ordinal))
            {
                bag.Add(DiagnosticCatalog.UnknownFragmentInput(value.Text.Span, use.Alias, name, declared));
            }
            else if (!value.IsTemplate && WrongTypeReason(fragment.Parameters.First(p => p.Name == name), value) is { } reason)
            {
                // A template's value is known only at compile time (ALU3003 then); a literal can be judged now.
                bag.Add(DiagnosticCatalog.FragmentInputWrongType(value.Text.Span, use.Alias, name, reason));
            }
        }

        foreach (var input in fragment.Parameters.Where(p => p.Required && p.Default is null))
        {
            if (!use.With.ContainsKey(input.Name) && !import.With.ContainsKey(input.Name))
            {
                bag.Add(DiagnosticCatalog.MissingFragmentInput(step.IdSpan, use.Alias, input.Name));
            }
        }
    }

    private static string? WrongTypeReason(ParameterDefinition input, TemplateValue value)
    {
        var text = value.Literal is { } literal ? ParameterValueConverter.Canonical(literal) : value.Text.Value;
        var typeName = ParameterValueConverter.TypeName(input.Type);
        return ParameterValueConverter.Check(input, text).Problem switch
        {
            ParameterValueProblem.WrongType => $"'{Shorten(text)}' is not a valid {typeName}",
            ParameterValueProblem.NotInEnum => $"'{Shorten(text)}' is not one of: {string.Join(", ", input.Enum)}",
            ParameterValueProblem.PatternMismatch => $"'{Shorten(text)}' does not match the pattern {input.Pattern}",
            _ => null,
        };
    }

    // A value is echoed in the message; a pasted paragraph should not be.
    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
