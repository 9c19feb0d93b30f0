using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Templating;

namespace AzureLocalUpgrade.Engine.Compilation;

/// <summary>
/// Runbook + bound parameter values + cluster inventory → immutable <see cref="StepGraph"/>.
/// A pure function of its inputs (plus the bytes of the files it hashes): compiling twice gives equal graphs.
/// </summary>
public sealed class StepGraphCompiler
{
    private readonly Func<ITemplateEngine> _templates;

    public StepGraphCompiler()
        : this(() => new ScribanTemplateEngine())
    {
    }

    /// <param name="templates">Makes the template engine for one compilation (engines cache parsed text).</param>
    public StepGraphCompiler(Func<ITemplateEngine> templates) => _templates = templates;

    /// <summary>Compiles the graph; returns null when this stage reported an error (the diagnostics say why).</summary>
    public StepGraph? Compile(Runbook runbook, IReadOnlyDictionary<string, object?> parameters, ClusterInventory cluster, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var sortedParameters = new SortedDictionary<string, object?>(parameters.ToDictionary(), StringComparer.Ordinal);
        var builder = new GraphBuilder(_templates(), cluster, local);
        var scope = new CompilationScope("", "", null, new TemplateScope(sortedParameters, new Dictionary<string, object?>(), cluster, null, 0), runbook.Imports, null);
        builder.CompileList(runbook.Steps, scope, []);

        diagnostics.AddRange(local.Items);
        if (local.HasErrors)
        {
            return null;
        }

        return new StepGraph(
            runbook.Metadata.Name,
            runbook.Metadata.Version,
            runbook.Metadata.Method,
            runbook.Metadata.Upgrade,
            cluster,
            sortedParameters,
            builder.Steps,
            builder.GroupsWithEstimates(),
            SourceHasher.Compute(runbook, cluster));
    }
}
