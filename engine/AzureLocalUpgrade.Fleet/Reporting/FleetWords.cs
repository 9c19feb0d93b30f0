using System.Globalization;
using AzureLocalUpgrade.Engine.Text;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Reporting;

/// <summary>How states, times and durations read in the dashboard and the fleet reports: one wording everywhere.</summary>
internal static class FleetWords
{
    /// <summary>The cluster states in the order the fleet page groups them (queued: released by its stage, waiting for a worker of its site).</summary>
    public static readonly ClusterRunState[] StateOrder =
    [
        ClusterRunState.Waiting, ClusterRunState.Queued, ClusterRunState.InWindow, ClusterRunState.Running, ClusterRunState.PausedAtGate,
        ClusterRunState.Failed, ClusterRunState.Done, ClusterRunState.Refused,
    ];

    public static string Words(ClusterRunState state) => state switch
    {
        ClusterRunState.Waiting => "waiting",
        ClusterRunState.Queued => "queued",
        ClusterRunState.InWindow => "in window",
        ClusterRunState.Running => "running",
        ClusterRunState.PausedAtGate => "paused at a gate",
        ClusterRunState.Failed => "failed",
        ClusterRunState.Done => "done",
        ClusterRunState.Refused => "refused",
        _ => state.ToString(),
    };

    /// <summary>A stable token for ids and CSS classes: "in-window", "paused-at-gate".</summary>
    public static string Token(ClusterRunState state) => state switch
    {
        ClusterRunState.InWindow => "in-window",
        ClusterRunState.PausedAtGate => "paused-at-gate",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Words(StageState state) => state switch
    {
        StageState.AwaitingApproval => "awaiting approval",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Words(FleetRunState state) => state switch
    {
        FleetRunState.PausedAtGate => "paused at a gate",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A runbook as people name it: "22h2-to-23h2/cau" for a file under a runbooks folder (the engine may hold the
    /// absolute path), the text unchanged otherwise.
    /// </summary>
    public static string Runbook(string? runbook)
    {
        if (string.IsNullOrEmpty(runbook))
        {
            return "–";
        }

        var normalized = runbook.Replace('\\', '/');
        var at = normalized.LastIndexOf("/runbooks/", StringComparison.Ordinal);
        if (at < 0 || !(normalized.EndsWith(".yaml", StringComparison.Ordinal) || normalized.EndsWith(".yml", StringComparison.Ordinal)))
        {
            return runbook;
        }

        var id = normalized[(at + "/runbooks/".Length)..];
        return id[..id.LastIndexOf('.')];
    }

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "–";

    public static string Duration(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e && e >= s ? Duration(e - s) : "–";

    /// <summary>The one duration format alu shows a person (runbook syntax: 45s, 3m47s, 1h30m, 2d3h).</summary>
    public static string Duration(TimeSpan span) => DurationText.Of(span < TimeSpan.Zero ? TimeSpan.Zero : span);
}
