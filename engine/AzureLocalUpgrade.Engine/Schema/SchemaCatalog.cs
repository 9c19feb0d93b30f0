using NJsonSchema;

namespace AzureLocalUpgrade.Engine.Schema;

/// <summary>
/// The JSON Schemas embedded in the engine (schemas/*.json), each parsed once on first use.
/// Embedding them keeps validation independent of the working directory.
/// </summary>
public static class SchemaCatalog
{
    public const string RunbookV1 = "runbook.v1.json";
    public const string ClusterV1 = "cluster.v1.json";

    private static readonly Lazy<JsonSchema> Runbook = new(() => Load(RunbookV1));
    private static readonly Lazy<JsonSchema> Cluster = new(() => Load(ClusterV1));

    public static JsonSchema RunbookSchema => Runbook.Value;

    public static JsonSchema ClusterSchema => Cluster.Value;

    /// <summary>The raw text of an embedded schema (for `alu schema` and editors).</summary>
    public static string ReadText(string fileName)
    {
        using var stream = typeof(SchemaCatalog).Assembly.GetManifestResourceStream("schemas/" + fileName)
            ?? throw new InvalidOperationException($"The engine was built without the embedded schema '{fileName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The schemas are part of the engine build, so a failure here is an engine defect, not a user error.
    private static JsonSchema Load(string fileName) =>
        JsonSchema.FromJsonAsync(ReadText(fileName)).GetAwaiter().GetResult();
}
