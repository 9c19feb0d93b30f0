namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// The ordering rule of docs/runbook-format.md: in a list of steps, a step without <c>needs</c> depends on the
/// step before it; <c>needs: []</c> means no dependency; <c>needs: [a, b]</c> means exactly those siblings.
/// </summary>
public static class StepOrdering
{
    /// <summary>The ids of the siblings that <paramref name="siblings"/>[<paramref name="index"/>] waits for.</summary>
    public static IReadOnlyList<string> DependenciesOf(IReadOnlyList<StepDefinition> siblings, int index)
    {
        var step = siblings[index];
        if (step.NeedsWritten)
        {
            return step.Needs;
        }

        return index == 0 ? [] : [siblings[index - 1].Id];
    }
}
