using System.Globalization;
using System.Text;

namespace AzureLocalUpgrade.Fleet.Planning.Rendering;

/// <summary>Phrases the text and Markdown renderings share, so both say the same thing the same way.</summary>
internal static class FleetPlanText
{
    public static string Utc(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-12 22:00 -06:00 → 2026-12-13 03:10": the end's date only when it differs.</summary>
    public static string LocalSpan(ExpectedWindow window) =>
        window.LocalStart + " → " + (SameDate(window.LocalStart, window.LocalEnd) ? window.LocalEnd[11..16] : window.LocalEnd[..16]);

    public static string UtcSpan(ExpectedWindow window)
    {
        var start = Utc(window.Start);
        var end = Utc(window.End);
        return start + " → " + (start[..10] == end[..10] ? end[11..] : end);
    }

    public static string Estimate(TimeSpan estimate) => FleetPlanJson.Duration(estimate);

    public static string Rules(FleetPlanStage stage)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"at most {stage.MaxConcurrent} at once");
        if (stage.MaxConcurrentPerSite is { } perSite)
        {
            text.Append(CultureInfo.InvariantCulture, $", {perSite} per site");
        }

        text.Append(CultureInfo.InvariantCulture, $"; failure budget {stage.FailureBudget} ({stage.AllowedFailures} of {stage.Clusters.Count})");
        text.Append("; soak ").Append(stage.Soak > TimeSpan.Zero ? Estimate(stage.Soak) : "none");
        if (stage.HealthCheckNoDegraded)
        {
            text.Append("; health check: no degraded cluster");
        }

        if (stage.ApprovalRequired)
        {
            text.Append("; approval before the next stage");
        }

        return text.ToString();
    }

    public static string Openings(ExpectedWindow window) =>
        window.Openings > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({window.Openings} openings)") : "";

    private static bool SameDate(string a, string b) => a.Length >= 10 && b.Length >= 10 && a[..10] == b[..10];
}
