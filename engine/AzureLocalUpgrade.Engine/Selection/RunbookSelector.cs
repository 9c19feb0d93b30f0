using AzureLocalUpgrade.Engine.Inventory;

namespace AzureLocalUpgrade.Engine.Selection;

/// <summary>
/// `alu select`: for each shipped runbook, whether it applies to the cluster and why (or why not),
/// optionally narrowed to one target release.
/// </summary>
public static class RunbookSelector
{
    public static readonly IReadOnlyList<string> Targets = ["23H2", "24H2"];

    public static IReadOnlyList<RunbookVerdict> Select(ClusterInventory cluster, IEnumerable<ShippedRunbook> runbooks, string? target = null) =>
        runbooks
            .Select(runbook => new RunbookVerdict(runbook, FindingsFor(cluster, runbook, target)))
            .OrderByDescending(v => v.Applies)
            .ThenBy(v => v.Runbook.Path, StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<GuardFinding> FindingsFor(ClusterInventory cluster, ShippedRunbook runbook, string? target)
    {
        if (target is not null && !string.Equals(runbook.To, target, StringComparison.OrdinalIgnoreCase))
        {
            return [GuardFinding.Refuse("other-target", $"Installs {runbook.To}; {target.ToUpperInvariant()} was asked for.")];
        }

        return UpgradeGuards.Evaluate(cluster, runbook);
    }
}
