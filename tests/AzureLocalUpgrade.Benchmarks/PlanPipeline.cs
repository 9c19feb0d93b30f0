using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Benchmarks;

/// <summary>
/// The stages of <c>alu plan</c> in the order PlanCommand calls them, each callable on its own so a benchmark can
/// set up the earlier ones once. Any error diagnostic throws: a benchmark of a failing pipeline measures nothing.
/// </summary>
internal static class PlanPipeline
{
    /// <summary>A runbook loaded and validated, with its parameters bound, and an inventory loaded: compile's inputs.</summary>
    internal sealed record Inputs(Runbook Runbook, IReadOnlyDictionary<string, object?> Parameters, ClusterInventory Cluster, string RunbookPath, string ClusterPath);

    public static Inputs LoadAndValidate(string runbookPath, string clusterPath)
    {
        var bag = new DiagnosticBag();
        var validation = RunbookValidation.LoadAndValidate(runbookPath);
        bag.AddRange(validation.Diagnostics);
        var cluster = InventoryLoader.Load(clusterPath, bag);
        var runbook = validation.ValidRunbook;
        ThrowOnErrors(bag, runbookPath);
        var parameters = ParameterBinder.Bind(runbook!, [], null, bag);
        ThrowOnErrors(bag, runbookPath);
        return new Inputs(runbook!, parameters, cluster!, runbookPath, clusterPath);
    }

    public static StepGraph Compile(Inputs inputs)
    {
        var bag = new DiagnosticBag();
        var graph = new StepGraphCompiler().Compile(inputs.Runbook, inputs.Parameters, inputs.Cluster, bag);
        ThrowOnErrors(bag, inputs.RunbookPath);
        return graph ?? throw new InvalidOperationException($"{inputs.RunbookPath} compiled to no graph");
    }

    /// <summary>As PlanCommand does when printing (no --out): paths relative to the working directory.</summary>
    public static Plan BuildPlan(StepGraph graph, Inputs inputs) =>
        PlanBuilder.Build(graph, PlanOrigin.Relative(inputs.RunbookPath, inputs.ClusterPath, Environment.CurrentDirectory));

    /// <summary>Everything <c>alu plan RUNBOOK --cluster FILE</c> does before it renders.</summary>
    public static Plan FromFiles(string runbookPath, string clusterPath)
    {
        var inputs = LoadAndValidate(runbookPath, clusterPath);
        return BuildPlan(Compile(inputs), inputs);
    }

    private static void ThrowOnErrors(DiagnosticBag bag, string runbookPath)
    {
        if (bag.HasErrors)
        {
            throw new InvalidOperationException($"{runbookPath} does not plan cleanly:\n" + string.Join('\n', bag.Items.Where(d => d.IsError)));
        }
    }
}
