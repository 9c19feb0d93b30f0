using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>Walks every step of a document: top level, group children and onFailure lists, in file order.</summary>
public static class StepTraversal
{
    public static IEnumerable<StepVisit> Walk(IReadOnlyList<StepDefinition> steps, bool insideForEach = false)
    {
        foreach (var step in steps)
        {
            yield return new StepVisit(step, steps, insideForEach);
            var bodyInForEach = insideForEach || step.Group?.ForEachNode == true;
            foreach (var child in Walk(step.Children, bodyInForEach))
            {
                yield return child;
            }

            foreach (var handler in Walk(step.OnFailure, bodyInForEach))
            {
                yield return handler;
            }
        }
    }

    /// <summary>Every list of sibling steps (where ids must be unique and needs resolve).</summary>
    public static IEnumerable<IReadOnlyList<StepDefinition>> SiblingLists(IReadOnlyList<StepDefinition> steps)
    {
        yield return steps;
        foreach (var step in steps)
        {
            foreach (var list in SiblingLists(step.Children).Skip(step.Children.Count == 0 ? 1 : 0))
            {
                yield return list;
            }

            foreach (var list in SiblingLists(step.OnFailure).Skip(step.OnFailure.Count == 0 ? 1 : 0))
            {
                yield return list;
            }
        }
    }

    /// <summary>The document and every fragment it imports, each once.</summary>
    public static IEnumerable<Runbook> Documents(Runbook root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Runbook>([root]);
        while (pending.TryPop(out var document))
        {
            if (!seen.Add(document.FilePath))
            {
                continue;
            }

            yield return document;
            foreach (var import in document.Imports.Reverse())
            {
                if (import.Fragment is { } fragment)
                {
                    pending.Push(fragment);
                }
            }
        }
    }
}
