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
    public const string FleetV1 = "fleet.v1.json";

    private static readonly Lazy<string> RunbookText = new(() => ReadText(RunbookV1));
    private static readonly Lazy<string> ClusterText = new(() => ReadText(ClusterV1));
    private static readonly Lazy<string> FleetText = new(() => ReadText(FleetV1));

    public static JsonSchema RunbookSchema => Parsed.Runbook.Value;

    public static JsonSchema ClusterSchema => Parsed.Cluster.Value;

    /// <summary>The parsed schema by file name (<see cref="RunbookV1"/>, <see cref="ClusterV1"/> or <see cref="FleetV1"/>).</summary>
    public static JsonSchema Get(string fileName) => fileName switch
    {
        RunbookV1 => RunbookSchema,
        ClusterV1 => ClusterSchema,
        FleetV1 => Parsed.Fleet.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "not an embedded schema"),
    };

    /// <summary>The text of an embedded schema, read once (keys of <see cref="SchemaValidator.CleanCache"/>).</summary>
    public static string TextOf(string fileName) => fileName switch
    {
        RunbookV1 => RunbookText.Value,
        ClusterV1 => ClusterText.Value,
        FleetV1 => FleetText.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "not an embedded schema"),
    };

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
        JsonSchema.FromJsonAsync(TextOf(fileName)).GetAwaiter().GetResult();

    // Apart from the texts: a static field of type Lazy<JsonSchema> loads NJsonSchema as soon as the catalog is
    // used, and TextOf is all a validation-cache hit needs.
    private static class Parsed
    {
        public static readonly Lazy<JsonSchema> Runbook = new(() => Load(RunbookV1));
        public static readonly Lazy<JsonSchema> Cluster = new(() => Load(ClusterV1));
        public static readonly Lazy<JsonSchema> Fleet = new(() => Load(FleetV1));
    }
}
