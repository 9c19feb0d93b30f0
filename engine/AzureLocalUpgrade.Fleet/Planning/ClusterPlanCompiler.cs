using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Selection;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>A cluster's single-cluster plan, compiled as <c>alu plan</c> would, and what the fleet plan keeps of it.</summary>
internal sealed record ClusterPlanResult(StepGraph Graph, Plan Plan, string PlanHash);

/// <summary>
/// Compiles one cluster's runbook with its fleet parameters into the single-cluster plan (the same binder, compiler
/// and plan builder as <c>alu plan</c>). A parameter value the runbook refuses is reported at the line of the
/// fleet file that gave it, with the binder's own code.
/// </summary>
internal sealed class ClusterPlanCompiler(RunbookLibrary library, string fleetFolder)
{
    private readonly StepGraphCompiler _compiler = new();

    public ClusterPlanResult? Compile(FleetCluster cluster, ChosenRunbook chosen, DiagnosticBag bag)
    {
        var runbook = library.Validated(chosen.FullPath, bag).ValidRunbook;
        if (runbook is null)
        {
            return null;
        }

        var names = cluster.Parameters.Keys.Order(StringComparer.Ordinal).ToList();
        var setArgs = names.Select(n => n + "=" + cluster.Parameters[n]).ToList();
        var local = new DiagnosticBag();
        var values = ParameterBinder.Bind(runbook, setArgs, null, local);
        bag.AddRange(local.Items.Select(d => AtFleetLine(d, cluster, names)));
        if (local.HasErrors)
        {
            return null;
        }

        var graph = _compiler.Compile(runbook, values, cluster.Inventory!, bag);
        if (graph is null)
        {
            return null;
        }

        var inventoryPath = Path.GetFullPath(Path.Combine(fleetFolder, cluster.InventoryPath));
        var plan = PlanBuilder.Build(graph, PlanOrigin.Relative(chosen.FullPath, inventoryPath, fleetFolder));
        return new ClusterPlanResult(graph, plan, PlanFile.Hash(PlanFile.Serialize(plan)));
    }

    /// <summary>The guard refusals of a named runbook for this cluster (a selected one has passed them already).</summary>
    public static IReadOnlyList<RefusalReason> NamedRefusals(StepGraph graph, string id)
    {
        if (graph.Upgrade is not { } upgrade)
        {
            return [];
        }

        var runbook = new ShippedRunbook(id, graph.RunbookName, graph.RunbookVersion, upgrade.From, upgrade.To, graph.Method ?? "custom");
        return [.. UpgradeGuards.Evaluate(graph.Cluster, runbook).Where(f => f.Kind == FindingKind.Refusal).Select(f => new RefusalReason(f.Code, f.Message))];
    }

    // The binder names --set arguments by index (file "--set", line = 1-based index); the fleet file has the real place.
    private static Diagnostic AtFleetLine(Diagnostic diagnostic, FleetCluster cluster, IReadOnlyList<string> names) =>
        diagnostic.Span.File == ParameterBinder.CommandLineFile
            && diagnostic.Span.Line >= 1 && diagnostic.Span.Line <= names.Count
            && cluster.ParameterSpans.TryGetValue(names[diagnostic.Span.Line - 1], out var span)
            ? diagnostic with { Span = span }
            : diagnostic;
}
