using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Planning;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>Whether a saved plan's sources, where the plan says they are, still hash as planned.</summary>
public enum SourceState
{
    /// <summary>Every source is where the plan says and unchanged: <c>alu run plan.json</c> applies it as saved.</summary>
    Unchanged,

    /// <summary>A source was edited or the inventory drifted: <c>alu run plan.json</c> refuses it (the diagnostics say which).</summary>
    Changed,

    /// <summary>The sources are not beside the plan (it was moved); <c>alu run plan.json</c> uses the copies it carries.</summary>
    Moved,
}

/// <summary>
/// Rebuilds the <see cref="Plan"/> a saved plan file holds, for <c>alu show</c>: compiled from the source copies the
/// plan carries (exactly what was reviewed, whatever happened to the files since), or from the recorded paths for a plan
/// without copies, and accepted only when it hashes as the saved one. Nothing is written outside a temporary folder.
/// </summary>
public static class SavedPlanReplay
{
    /// <summary>Placeholder for secret parameters, which a plan never saves; plans show every secret as *** anyway.</summary>
    private const string SecretPlaceholder = "***";

    public static SourceState StateOf(SavedPlan saved, Func<string, string> display, DiagnosticBag changes)
    {
        ArgumentNullException.ThrowIfNull(saved);
        if (saved.Sources.Count > 0 && (!File.Exists(saved.RunbookPath) || !File.Exists(saved.InventoryPath)))
        {
            return SourceState.Moved;
        }

        SavedPlanVerifier.Verify(saved, display, changes);
        return changes.HasErrors ? SourceState.Changed : SourceState.Unchanged;
    }

    public static Plan? Rebuild(SavedPlan saved, IReadOnlyList<string> secretNames, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(bag);
        var folder = Directory.CreateTempSubdirectory("alu-show-");
        try
        {
            var (runbook, inventory) = saved.Sources.Count > 0
                ? PlanSources.Materialize(saved, folder.FullName, bag) ?? default
                : (saved.RunbookPath, saved.InventoryPath);
            if (runbook is null || inventory is null)
            {
                return null;
            }

            var setArgs = saved.SetArgs.Concat(secretNames.Select(name => $"{name}={SecretPlaceholder}")).ToList();
            var graph = RunbookCompilation.Compile(runbook, inventory, setArgs, paramsFile: null, bag);
            if (graph is null)
            {
                return null;
            }

            var planFolder = Path.GetDirectoryName(Path.GetFullPath(saved.PlanPath))!;
            var plan = PlanBuilder.Build(graph, PlanOrigin.Relative(runbook, inventory, planFolder));
            var again = PlanFile.Hash(PlanFile.Serialize(plan));
            if (again != saved.Hash)
            {
                bag.Add(RunInputDiagnostics.PlanNotReproducible(saved.PlanPath, saved.Hash, again));
                return null;
            }

            // Shown with the paths the plan records, not the temporary copies it was rebuilt from.
            var recorded = PlanOrigin.Relative(saved.RunbookPath, saved.InventoryPath, planFolder);
            return plan with
            {
                Runbook = plan.Runbook with { Path = recorded.RunbookPath },
                Cluster = plan.Cluster with { InventoryPath = recorded.InventoryPath },
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
