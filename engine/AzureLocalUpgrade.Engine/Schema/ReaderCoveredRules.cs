using NJsonSchema;
using NJsonSchema.Validation;

namespace AzureLocalUpgrade.Engine.Schema;

/// <summary>
/// Schema rules that exist for editors (an editor shows them while typing) but that alu's reader reports with a more
/// specific, positioned message: a step's kind (the schema's <c>oneOf</c>, whose failure NJsonSchema explains as one
/// "missing property" per branch; the reader says ALU2009 or ALU2010) and the duration syntax (the reader says
/// ALU2008 with the forms it accepts, where the schema could only quote its regular expression). The schema errors of
/// these rules are dropped so each mistake is reported once, by the specific message.
/// </summary>
internal static class ReaderCoveredRules
{
    private const string StepDefinition = "step";
    private const string DurationDefinition = "duration";

    public static bool Covers(ValidationError error)
    {
        var schema = error.Schema?.ActualSchema;
        if (schema is null)
        {
            return false;
        }

        return (error.Kind == ValidationErrorKind.NotOneOf && IsDefinition(schema, StepDefinition))
            || IsDefinition(schema, DurationDefinition);
    }

    private static bool IsDefinition(JsonSchema schema, string name) =>
        SchemaCatalog.RunbookSchema.Definitions.TryGetValue(name, out var definition) && ReferenceEquals(definition.ActualSchema, schema);
}
