using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Fleet.Running.Progress;

/// <summary>
/// Names what a node is going through from the step it runs now, for a person glancing at the dashboard: the
/// shipped runbooks name their per-node groups and steps after the procedure's phases (drain, feature-update,
/// restart, return/resume, health-gate), so the innermost segment of the step's path that names a phase wins; a
/// step outside every known phase is shown by its own name.
/// </summary>
internal static class NodePhase
{
    public const string Waiting = "waiting";
    public const string Done = "done";
    public const string Failed = "failed";

    private static readonly Dictionary<string, string> Phases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["guards"] = "checking",
        ["health-gate"] = "health gate",
        ["stage-media"] = "staging media",
        ["drain"] = "draining",
        ["feature-update"] = "updating",
        ["from-media"] = "updating",
        ["update-from-media"] = "updating",
        ["offline-update"] = "updating",
        ["rolling-update"] = "updating",
        ["restart"] = "restarting",
        ["back-in-cluster"] = "restarting",
        ["return"] = "resuming",
        ["resume"] = "resuming",
        ["finish"] = "finishing",
    };

    /// <summary>The phase of <paramref name="step"/> (by its source path, e.g. <c>update-from-media/node/drain/drain</c>).</summary>
    public static string Of(GraphStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var segments = step.SourcePath.Split('/');
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (Phases.TryGetValue(segments[i], out var phase))
            {
                return phase;
            }
        }

        return segments[^1];
    }
}
