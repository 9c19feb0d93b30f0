using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Validation;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AzureLocalUpgrade.Engine.Schema;

/// <summary>
/// Validates a document (tokens built by <see cref="Loading.YamlToJsonConverter"/>) against a schema and reports
/// every leaf error as a positioned diagnostic. Wrapper errors (array item) are unwrapped to their causes; rules the
/// reader states more precisely (<see cref="ReaderCoveredRules"/>) are left to the reader.
/// </summary>
public static class SchemaValidator
{
    /// <summary>
    /// Documents known to pass their schema, or null to check every time. The alu process sets the user's cache:
    /// parsing the runbook schema with NJsonSchema is the largest cost of a cold start (docs/performance.md), and
    /// with every document a hit the schema is never parsed at all.
    /// </summary>
    public static CleanContentCache? CleanCache { get; set; }

    /// <summary>The name of the cache file for this NJsonSchema version (validation behaviour may change with it).</summary>
    public static string CacheName => "schema-valid-" + ScriptParseCache.ReferencedVersion("NJsonSchema");

    /// <summary>
    /// Validates a document against the embedded schema <paramref name="schemaFile"/> unless <see cref="CleanCache"/>
    /// knows this exact text passes this exact schema. <paramref name="text"/> is the document's source, which fully
    /// determines <paramref name="document"/>.
    /// </summary>
    public static void Validate(string schemaFile, IReadOnlyList<string> text, Func<JToken> document, string file, DiagnosticBag bag)
    {
        var key = KeyOf(schemaFile, text);
        if (key is not null && CleanCache!.IsClean(key))
        {
            return;
        }

        var before = bag.Items.Count;
        Validate(SchemaCatalog.Get(schemaFile), document(), file, bag);
        if (key is not null && bag.Items.Count == before)
        {
            CleanCache!.RememberClean(key);
        }
    }

    /// <summary>
    /// True when <see cref="CleanCache"/> knows this exact text passes this schema. Callers check it before building
    /// the <see cref="JToken"/> callback: creating that delegate loads Newtonsoft.Json and NJsonSchema, which a
    /// warm run otherwise never needs.
    /// </summary>
    public static bool IsKnownClean(string schemaFile, IReadOnlyList<string> text) =>
        KeyOf(schemaFile, text) is { } key && CleanCache!.IsClean(key);

    private static string? KeyOf(string schemaFile, IReadOnlyList<string> text) =>
        CleanCache is null ? null : CleanContentCache.KeyOf(schemaFile, SchemaCatalog.TextOf(schemaFile), string.Join('\n', text));

    public static void Validate(JsonSchema schema, JToken document, string file, DiagnosticBag bag)
    {
        var errors = schema.Validate(document);
        foreach (var error in Leaves(errors))
        {
            bag.Add(SchemaErrorTranslator.Translate(error, file));
        }
    }

    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (ReaderCoveredRules.Covers(error))
            {
                continue;
            }

            if (error is ChildSchemaValidationError wrapper && wrapper.Errors.Count > 0)
            {
                foreach (var leaf in Leaves(wrapper.Errors.SelectMany(e => e.Value)))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return error;
            }
        }
    }
}
