using System.Globalization;
using System.Text;

namespace AzureLocalUpgrade.Fleet.Planning.Rendering;

/// <summary>
/// <c>alu fleet plan --format markdown</c>: the change board's summary. The summary and the stages first (what,
/// when, with which gates), then the calendar (one table row per cluster), the refusals and the plan hash the
/// change record quotes. Kept compact (no per-step detail: each cluster's own plan has that) so a 120-cluster
/// fleet stays under 30,000 characters.
/// </summary>
internal static class FleetPlanMarkdownRenderer
{
    public static string Render(FleetPlan plan, string hash)
    {
        var md = new StringBuilder();
        var planned = plan.Clusters.ToList();
        md.Append(CultureInfo.InvariantCulture, $"# Fleet plan: {Cell(plan.FleetName)}\n\n");
        if (plan.Description is { Length: > 0 } description)
        {
            md.Append(Cell(description)).Append("\n\n");
        }

        md.Append("| | |\n|---|---|\n");
        md.Append(CultureInfo.InvariantCulture, $"| Clusters planned | {planned.Count} ({planned.Sum(c => c.Nodes)} nodes) |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Clusters refused | {plan.Refused.Count} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Runbooks | {string.Join(", ", planned.GroupBy(c => c.Runbook).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"`{g.Key}` ×{g.Count()}"))} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Start | {FleetPlanText.Utc(plan.Start)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Last cluster expected to finish | {(plan.ExpectedEnd is { } end ? FleetPlanText.Utc(end) : "-")} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Plan hash | `{hash}` |\n\n");

        md.Append("## Stages\n\n| # | Stage | Clusters | Concurrency | Failure budget | Soak | Gate | Not before | Expected end |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var s in plan.Stages)
        {
            var concurrency = s.MaxConcurrentPerSite is { } perSite ? $"{s.MaxConcurrent} ({perSite}/site)" : s.MaxConcurrent.ToString(CultureInfo.InvariantCulture);
            var gate = (s.HealthCheckNoDegraded ? "health" : "") + (s.ApprovalRequired ? (s.HealthCheckNoDegraded ? " + approval" : "approval") : "");
            md.Append(CultureInfo.InvariantCulture,
                $"| {s.Index} | {Cell(s.Name)} | {s.Clusters.Count} | {concurrency} | {s.FailureBudget} ({s.AllowedFailures}) | {(s.Soak > TimeSpan.Zero ? FleetPlanText.Estimate(s.Soak) : "-")} | {(gate.Length > 0 ? gate : "-")} | {FleetPlanText.Utc(s.NotBefore)} | {(s.ExpectedEnd is { } e ? FleetPlanText.Utc(e) : "-")} |\n");
        }

        md.Append("\n## Calendar\n\nExpected windows: local time in the cluster's zone, then UTC. Estimates are forecasts; each run decides again with the real clock.\n");
        foreach (var s in plan.Stages.Where(s => s.Clusters.Count > 0))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {s.Index}. {Cell(s.Name)}\n\n| Cluster | Site | Nodes | Runbook | Est. | Local | UTC |\n|---|---|--:|---|---|---|---|\n");
            foreach (var c in s.Clusters)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(c.Name)} | {Cell(c.Site)} | {c.Nodes} | {Cell(c.Runbook)} | {FleetPlanText.Estimate(c.Estimate)} | {FleetPlanText.LocalSpan(c.Window)}{FleetPlanText.Openings(c.Window)} | {FleetPlanText.UtcSpan(c.Window)} |\n");
            }
        }

        md.Append("\n## Refused\n\n");
        if (plan.Refused.Count == 0)
        {
            md.Append("None.\n");
        }
        else
        {
            md.Append("| Cluster | Site | Reasons |\n|---|---|---|\n");
            foreach (var r in plan.Refused)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(r.Name)} | {Cell(r.Site)} | {string.Join("<br>", r.Reasons.Select(x => $"`{x.Code}` {Cell(x.Message)}"))} |\n");
            }
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
