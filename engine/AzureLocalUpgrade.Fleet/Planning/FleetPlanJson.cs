using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Fleet.Planning;

/// <summary>
/// The json form of a fleet plan (<c>alu fleet plan --format json</c>, and the file <c>--out</c> writes): members in a
/// fixed order, instants in UTC ISO 8601, durations in the runbook syntax, so equal plans give equal bytes.
/// <see cref="Hash"/> is the plan's identity: nothing in it depends on where the plan or the fleet lies.
/// </summary>
internal static class FleetPlanJson
{
    /// <summary>The member that carries the hash in a saved plan; left out when the hash is computed.</summary>
    public const string HashMember = "planHash";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(FleetPlan plan) => ToJson(plan).ToJsonString(Indented) + "\n";

    /// <summary>"sha256:&lt;hex&gt;" of the plan's content (compact json without <see cref="HashMember"/>).</summary>
    public static string Hash(FleetPlan plan) => HashOf(ToJson(plan));

    /// <summary>The hash of a saved plan's text, recomputed from its content (so a moved or re-indented file keeps it).</summary>
    public static string Hash(ReadOnlySpan<byte> savedJson)
    {
        var root = JsonNode.Parse(savedJson) as JsonObject ?? throw new JsonException("a fleet plan is a json object");
        return HashOf(root);
    }

    /// <summary>The saved form: the json with its hash as the last member.</summary>
    public static (string Text, string Hash) Saved(FleetPlan plan)
    {
        var root = ToJson(plan);
        var hash = HashOf(root);
        root[HashMember] = hash;
        return (root.ToJsonString(Indented) + "\n", hash);
    }

    private static string HashOf(JsonObject root)
    {
        var copy = (JsonObject)root.DeepClone();
        copy.Remove(HashMember);
        return SourceHasher.HashBytes(JsonSerializer.SerializeToUtf8Bytes(copy));
    }

    public static JsonObject ToJson(FleetPlan plan) => new()
    {
        ["formatVersion"] = plan.FormatVersion,
        ["kind"] = "FleetPlan",
        ["fleet"] = plan.FleetName,
        ["description"] = plan.Description,
        ["start"] = Instant(plan.Start),
        ["expectedEnd"] = plan.ExpectedEnd is { } end ? Instant(end) : null,
        ["counts"] = new JsonObject
        {
            ["clusters"] = plan.Clusters.Count() + plan.Refused.Count,
            ["planned"] = plan.Clusters.Count(),
            ["refused"] = plan.Refused.Count,
            ["nodes"] = plan.Clusters.Sum(c => c.Nodes),
        },
        ["stages"] = new JsonArray([.. plan.Stages.Select(Stage)]),
        ["refused"] = new JsonArray([.. plan.Refused.Select(Refused)]),
        ["sourceHashes"] = new JsonObject(plan.SourceHashes.OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
    };

    private static JsonObject Stage(FleetPlanStage stage) => new()
    {
        ["index"] = stage.Index,
        ["name"] = stage.Name,
        ["maxConcurrent"] = stage.MaxConcurrent,
        ["maxConcurrentPerSite"] = stage.MaxConcurrentPerSite,
        ["failureBudget"] = stage.FailureBudget,
        ["allowedFailures"] = stage.AllowedFailures,
        ["soak"] = Duration(stage.Soak),
        ["approval"] = stage.ApprovalRequired,
        ["healthCheck"] = new JsonObject { ["noDegradedClusters"] = stage.HealthCheckNoDegraded },
        ["notBefore"] = Instant(stage.NotBefore),
        ["expectedEnd"] = stage.ExpectedEnd is { } end ? Instant(end) : null,
        ["gateAt"] = Instant(stage.GateAt),
        ["clusters"] = new JsonArray([.. stage.Clusters.Select(Cluster)]),
    };

    private static JsonObject Cluster(PlannedCluster cluster) => new()
    {
        ["name"] = cluster.Name,
        ["site"] = cluster.Site,
        ["nodes"] = cluster.Nodes,
        ["inventory"] = cluster.InventoryPath,
        ["labels"] = Map(cluster.Labels),
        ["runbook"] = new JsonObject
        {
            ["id"] = cluster.Runbook,
            ["name"] = cluster.RunbookName,
            ["version"] = cluster.RunbookVersion,
            ["method"] = cluster.Method,
            ["from"] = cluster.From,
            ["to"] = cluster.To,
            ["chosenBy"] = cluster.ChosenBy,
        },
        ["parameters"] = Map(cluster.Parameters),
        ["estimate"] = Duration(cluster.Estimate),
        ["steps"] = cluster.Steps,
        ["inputsHash"] = cluster.InputsHash,
        ["timeZone"] = cluster.TimeZone,
        ["windows"] = new JsonArray([.. cluster.Windows.Select(w => (JsonNode?)JsonValue.Create(w))]),
        ["expected"] = new JsonObject
        {
            ["start"] = Instant(cluster.Window.Start),
            ["end"] = Instant(cluster.Window.End),
            ["localStart"] = cluster.Window.LocalStart,
            ["localEnd"] = cluster.Window.LocalEnd,
            ["openingStart"] = cluster.Window.OpeningStart is { } o ? Instant(o) : null,
            ["openingEnd"] = cluster.Window.OpeningEnd is { } e ? Instant(e) : null,
            ["openings"] = cluster.Window.Openings,
        },
        ["notes"] = new JsonArray([.. cluster.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
    };

    private static JsonObject Refused(RefusedCluster cluster) => new()
    {
        ["name"] = cluster.Name,
        ["site"] = cluster.Site,
        ["nodes"] = cluster.Nodes,
        ["inventory"] = cluster.InventoryPath,
        ["stage"] = cluster.Stage,
        ["reasons"] = new JsonArray([.. cluster.Reasons.Select(r => (JsonNode?)new JsonObject { ["code"] = r.Code, ["message"] = r.Message })]),
    };

    private static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    public static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) => duration <= TimeSpan.Zero ? "0s" : DurationParser.Format(duration);
}
