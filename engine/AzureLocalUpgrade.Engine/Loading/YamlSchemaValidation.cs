using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Schema;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// JSON Schema validation of a loaded YAML document (runbooks and inventories), skipped without touching
/// Newtonsoft.Json or NJsonSchema when <see cref="SchemaValidator.CleanCache"/> knows the text passes.
/// </summary>
internal static class YamlSchemaValidation
{
    public static void Validate(string schemaFile, YamlSource source, YamlNode document, string fullPath, DiagnosticBag bag)
    {
        if (!SchemaValidator.IsKnownClean(schemaFile, source.Lines))
        {
            ValidateUncached(schemaFile, source, document, fullPath, bag);
        }
    }

    // A method of its own: creating the JToken callback loads Newtonsoft.Json and NJsonSchema (measured with
    // ALU_TIMINGS' assembly list), so a cache hit must not run this code.
    private static void ValidateUncached(string schemaFile, YamlSource source, YamlNode document, string fullPath, DiagnosticBag bag) =>
        SchemaValidator.Validate(schemaFile, source.Lines, () => YamlToJsonConverter.Convert(document), fullPath, bag);
}
