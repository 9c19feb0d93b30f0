using System.Text.Json;
using System.Text.Json.Serialization;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Running.Progress;

/// <summary>
/// A cluster's progress as the fleet tables keep it (the cluster row's <c>nodes_json</c> column): each node's
/// progress, the cluster's steps done of its total and the ETA. Seeded from the fleet plan (steps total, expected
/// end), then rewritten by the running cluster's <see cref="ProgressSink"/>.
/// </summary>
/// <param name="EtaIsVirtualTime">The ETA is on the simulator's virtual clock (a simulated run's events carry it).</param>
internal sealed record ClusterProgress(
    IReadOnlyList<NodeProgress> Nodes,
    int StepsDone,
    int StepsTotal,
    DateTimeOffset? Eta,
    bool EtaIsVirtualTime)
{
    public static readonly ClusterProgress None = new([], 0, 0, null, false);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Reads the column: this document, or the bare node list that fleet stores written before it hold; null or
    /// unreadable text reads as no progress (progress is for display: a damaged value must not break status).
    /// </summary>
    public static ClusterProgress Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return None;
        }

        try
        {
            return json.TrimStart().StartsWith('[')
                ? None with { Nodes = JsonSerializer.Deserialize<List<NodeProgress>>(json, Json) ?? [] }
                : JsonSerializer.Deserialize<ClusterProgress>(json, Json) ?? None;
        }
        catch (JsonException)
        {
            return None;
        }
    }
}
