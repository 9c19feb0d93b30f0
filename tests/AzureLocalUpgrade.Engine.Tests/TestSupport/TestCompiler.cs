using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Tests.TestSupport;

internal static class TestCompiler
{
    /// <summary>Compiles and fails the test with the diagnostics if there were any errors.</summary>
    public static StepGraph Compile(Runbook runbook, int nodes = 4, IReadOnlyDictionary<string, object?>? parameters = null) =>
        Compile(runbook, TestCluster.WithNodes(nodes), parameters);

    public static StepGraph Compile(Runbook runbook, ClusterInventory cluster, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var diagnostics = new DiagnosticBag();
        var graph = new StepGraphCompiler().Compile(runbook, parameters ?? new Dictionary<string, object?>(), cluster, diagnostics);
        diagnostics.Items.Should().BeEmpty();
        return graph!;
    }

    public static (StepGraph? Graph, IReadOnlyList<Diagnostic> Diagnostics) TryCompile(Runbook runbook, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var diagnostics = new DiagnosticBag();
        var graph = new StepGraphCompiler().Compile(runbook, parameters ?? new Dictionary<string, object?>(), TestCluster.WithNodes(4), diagnostics);
        return (graph, diagnostics.Items);
    }
}
