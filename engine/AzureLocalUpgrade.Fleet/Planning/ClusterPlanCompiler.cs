using System.Text;
using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Selection;
using AzureLocalUpgrade.Fleet.Model;

namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>A cluster's compiled step graph (as <c>alu plan</c> compiles it) and what the fleet plan keeps of it.</summary>
/// <param name="Estimate">The critical path: the single-cluster plan's estimate.</param>
/// <param name="InputsHash">
/// "sha256:&lt;hex&gt;" of everything the single-cluster plan is a function of: the hash of each runbook, fragment and
/// inventory file (the graph's source hashes) and each bound parameter value (secrets as their mask). Serializing
/// and hashing every cluster's whole plan took two thirds of a 120-cluster fleet plan's time; this names the same thing.
/// </param>
internal sealed record ClusterPlanResult(StepGraph Graph, TimeSpan Estimate, string InputsHash, IReadOnlySet<string> SecretParameters);

/// <summary>
/// Compiles one cluster's runbook with its fleet parameters into the single-cluster plan (the same binder, compiler
/// and plan builder as <c>alu plan</c>). A parameter value the runbook refuses is reported at the line of the
/// fleet file that gave it, with the binder's own code.
/// </summary>
internal sealed class ClusterPlanCompiler(RunbookLibrary library)
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

        var secrets = graph.Parameters.Where(p => p.Value is SecretValue).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return new ClusterPlanResult(graph, CriticalPath.Of(graph.Steps).Length, InputsHashOf(graph), secrets);
    }

    private static string InputsHashOf(StepGraph graph)
    {
        var text = new StringBuilder();
        foreach (var (file, hash) in graph.SourceHashes.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            text.Append("source\t").Append(file).Append('\t').Append(hash).Append('\n');
        }

        foreach (var (name, value) in graph.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append("parameter\t").Append(name).Append('\t').Append(value is SecretValue ? SecretValue.Mask : PlanValueText.Format(value)).Append('\n');
        }

        return SourceHasher.HashBytes(Encoding.UTF8.GetBytes(text.ToString()));
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
