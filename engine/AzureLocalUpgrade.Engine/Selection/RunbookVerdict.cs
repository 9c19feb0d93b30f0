namespace AzureLocalUpgrade.Engine.Selection;

/// <summary>Whether one runbook applies to a cluster, with every finding that led there.</summary>
public sealed record RunbookVerdict(ShippedRunbook Runbook, IReadOnlyList<GuardFinding> Findings)
{
    public bool Applies => Findings.All(f => f.Kind != FindingKind.Refusal);
}
