using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Selection;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// <c>alu plan</c> refuses, with the reason, to plan an upgrade for a cluster whose inventory says it does not
/// apply (wrong source release, already upgraded, a stretched cluster off its one path, solution deployed, ...): the same guards
/// as <c>alu select</c>. <c>alu run</c> does not use this: the inventory may be older than the cluster (a simulated
/// cluster continues from where the last run left it), so runs decide with the runbooks' own guard steps against
/// the live cluster.
/// </summary>
public static class Applicability
{
    public static void Check(StepGraph graph, string runbookDisplay, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(bag);
        if (graph.Upgrade is not { } upgrade)
        {
            return; // a runbook without an upgrade path (a tour, a custom job) has nothing to guard
        }

        var runbook = new ShippedRunbook(runbookDisplay, graph.RunbookName, graph.RunbookVersion, upgrade.From, upgrade.To, graph.Method ?? "custom");
        foreach (var refusal in UpgradeGuards.Evaluate(graph.Cluster, runbook).Where(f => f.Kind == FindingKind.Refusal))
        {
            bag.Add(RunInputDiagnostics.RunbookNotApplicable(graph.Cluster.FilePath, graph.Cluster.Name, graph.RunbookName, refusal.Message));
        }
    }
}
