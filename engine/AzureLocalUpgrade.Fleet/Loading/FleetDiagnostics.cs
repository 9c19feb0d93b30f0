using System.Globalization;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>One factory per <see cref="FleetCodes"/> code: every message and hint written once, here.</summary>
internal static class FleetDiagnostics
{
    public static Diagnostic InventoryGlobMatchesNothing(SourceSpan where, string pattern, string folder) =>
        Error(where, FleetCodes.InventoryGlobMatchesNothing, $"The inventory '{EchoText.Short(pattern)}' matches no file (looked in {folder}).",
            "Inventory paths and globs are relative to the fleet file; check the spelling, or generate the inventories first.");

    public static Diagnostic DuplicateClusterName(SourceSpan where, string name, string firstFile, string againFile) =>
        Error(where, FleetCodes.DuplicateClusterName, $"The cluster '{EchoText.Short(name)}' appears twice in the fleet: in {firstFile} and again in {againFile}.",
            "A cluster is upgraded once per fleet: remove the second inventory, or narrow the glob that matches it twice.");

    public static Diagnostic SiteLabelMissing(SourceSpan where) =>
        Error(where, FleetCodes.SiteLabelMissing, "The cluster entry has no 'site' label.",
            "Add labels: { site: NAME }: workers serve sites, and per-site concurrency counts by it.");

    public static Diagnostic UnknownTimeZone(SourceSpan where, string reason) =>
        Error(where, FleetCodes.UnknownTimeZone, $"The time zone is not usable: {reason}.",
            "Write an IANA name (America/Chicago), a Windows name (Central Standard Time) or UTC.");

    public static Diagnostic InvalidWindow(SourceSpan where, string reason) =>
        Error(where, FleetCodes.InvalidWindow, $"The maintenance window is not valid: {reason}.",
            "Write a weekly window such as 'Sat 22:00-Sun 06:00'; its times are in the cluster's time zone.");

    public static Diagnostic ClusterInNoStage(SourceSpan where, IReadOnlyList<string> clusters, IReadOnlyDictionary<string, string> labels) =>
        Error(where, FleetCodes.ClusterInNoStage,
            $"The clusters of this entry ({Names(clusters)}; labels {Describe(labels)}) are matched by no stage, so the fleet would never upgrade them.",
            "Add a group that matches it to a stage (a last stage with matchLabels: {} takes every remaining cluster), or remove it from the fleet.");

    public static Diagnostic InvalidFailureBudget(SourceSpan where, string text) =>
        Error(where, FleetCodes.InvalidFailureBudget, $"'{EchoText.Short(text)}' is not a failure budget.",
            "Write a count of clusters (0, 2) or a percentage of the stage's clusters from 0% to 100% ('10%').");

    public static Diagnostic InvalidSoak(SourceSpan where, string text) =>
        Error(where, FleetCodes.InvalidSoak, $"'{EchoText.Short(text)}' is not a soak duration.",
            "Write a duration such as 30m, 2h or 1d.");

    public static Diagnostic DuplicateStageName(SourceSpan where, string name) =>
        Error(where, FleetCodes.DuplicateStageName, $"The stage name '{EchoText.Short(name)}' is used twice.",
            "Give every stage its own name: approvals, status and reports name stages.");

    public static Diagnostic RunbookNotFound(SourceSpan where, string runbook, string lookedFor) =>
        Error(where, FleetCodes.RunbookNotFound, $"The runbook '{EchoText.Short(runbook)}' does not exist (looked for {lookedFor}).",
            "Name a shipped runbook as alu runbooks lists it (22h2-to-23h2/cau), give a file relative to the fleet file, or use select: { target: 24H2 }.");

    public static Diagnostic InvalidInventoryGlob(SourceSpan where, string pattern, string reason) =>
        Error(where, FleetCodes.InvalidInventoryGlob, $"The inventory '{EchoText.Short(pattern)}' is not a usable path or glob: {reason}.",
            "Write a file or a glob relative to the fleet file, such as inventories/eu/*.yaml.");

    public static Diagnostic StageMatchesNoCluster(SourceSpan where, string stage) =>
        new(FleetCodes.StageMatchesNoCluster, Severity.Warning, where,
            $"The stage '{EchoText.Short(stage)}' holds no cluster: earlier stages took every cluster its groups match, or none has its labels.",
            "Check the stage's matchLabels against the clusters' labels; an empty stage passes at once.");

    public static Diagnostic TooManyClusters(SourceSpan where, int limit) =>
        Error(where, FleetCodes.TooManyClusters, string.Create(CultureInfo.InvariantCulture, $"The fleet holds more than {limit} clusters; alu refuses to load it."),
            "Split the fleet into several fleet files (by region or ring).");

    private static string Names(IReadOnlyList<string> clusters) =>
        clusters.Count <= 5 ? string.Join(", ", clusters) : string.Join(", ", clusters.Take(5)) + string.Create(CultureInfo.InvariantCulture, $" and {clusters.Count - 5} more");

    private static string Describe(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}: {EchoText.Short(l.Value)}")) + "}";

    private static Diagnostic Error(SourceSpan where, string code, string message, string hint) => new(code, Severity.Error, where, message, hint);
}
