using AzureLocalUpgrade.Engine.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AzureLocalUpgrade.Engine.Schema;

/// <summary>
/// Validates a document (tokens built by <see cref="Loading.YamlToJsonConverter"/>) against a schema and reports
/// every leaf error as a positioned diagnostic. Wrapper errors (array item, oneOf) are unwrapped to their causes.
/// </summary>
public static class SchemaValidator
{
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
