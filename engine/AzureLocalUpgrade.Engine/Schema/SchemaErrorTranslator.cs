using System.Globalization;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Text;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AzureLocalUpgrade.Engine.Schema;

/// <summary>
/// One message template per NJsonSchema error kind: its ToString() says only "PatternMismatch: #/id", so the
/// details (allowed values, pattern, limits) are taken from the failing schema and token.
/// </summary>
internal static class SchemaErrorTranslator
{
    public static Diagnostic Translate(ValidationError error, string file)
    {
        var span = PositionOf(error.Token, file);
        var schema = error.Schema?.ActualSchema;
        var location = StepLocation.Describe(Describe(error.Path), error.Token);
        var value = ValueText(error.Token);
        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                return DiagnosticCatalog.SchemaRequired(span, StepLocation.Describe(ParentOf(error.Path, error.Property), error.Token), error.Property ?? "?");
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var allowed = schema?.ActualProperties.Keys ?? (IEnumerable<string>)[];
                return DiagnosticCatalog.SchemaUnknownProperty(span, StepLocation.Describe(ParentOf(error.Path, error.Property), error.Token), error.Property ?? "?", allowed);
            case ValidationErrorKind.NotInEnumeration:
                var values = schema?.Enumeration.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null") ?? [];
                return DiagnosticCatalog.SchemaNotInEnum(span, location, value, values);
            case ValidationErrorKind.PatternMismatch:
                return DiagnosticCatalog.SchemaPatternMismatch(span, location, value, schema?.Pattern ?? "?", PatternMeaning(schema));
            case ValidationErrorKind.NumberTooSmall:
                return DiagnosticCatalog.SchemaTooSmall(span, location, value, Number(schema?.Minimum));
            case ValidationErrorKind.NumberTooBig:
                return DiagnosticCatalog.SchemaTooLarge(span, location, value, Number(schema?.Maximum));
            case ValidationErrorKind.TooFewItems:
                return DiagnosticCatalog.SchemaTooFewItems(span, location, schema?.MinItems ?? 1);
            case ValidationErrorKind.ItemsNotUnique:
                return DiagnosticCatalog.SchemaDuplicateItems(span, location);
            case ValidationErrorKind.StringTooShort:
                return DiagnosticCatalog.SchemaStringTooShort(span, location, schema?.MinLength ?? 1);
            case var kind when ExpectedType(kind) is { } expected:
                return DiagnosticCatalog.SchemaWrongType(span, location, ExpectedTypes(schema) ?? expected, Found(error.Token));
            default:
                return DiagnosticCatalog.SchemaOther(span, location, error.Kind.ToString());
        }
    }

    private static SourceSpan PositionOf(JToken? token, string file)
    {
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current.Annotation<TokenPosition>() is { } position)
            {
                return SourceSpan.At(file, position.Line, position.Column);
            }
        }

        return SourceSpan.At(file, 1, 1);
    }

    // "#/steps[1].powershell.script" reads better as "steps[1].powershell.script".
    private static string Describe(string? path)
    {
        var text = (path ?? "").TrimStart('#').TrimStart('/');
        return text.Length == 0 ? "the document" : text;
    }

    private static string ParentOf(string? path, string? property)
    {
        var text = Describe(path);
        if (property is not null && text.EndsWith(property, StringComparison.Ordinal))
        {
            text = text[..^property.Length].TrimEnd('.');
        }

        return text.Length == 0 ? "the document" : text;
    }

    private static string ValueText(JToken? token) => token switch
    {
        JValue { Value: null } => "null",
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "",
        JProperty property => property.Name,
        null => "",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Number(decimal? limit) => limit?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string? ExpectedType(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "a string",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.IntegerExpected => "a whole number",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ObjectExpected => "a mapping",
        ValidationErrorKind.ArrayExpected => "a list",
        ValidationErrorKind.NullExpected => "null",
        _ => null,
    };

    // A property typed ["string", "number"] names both, so the message does not claim only one is allowed.
    private static string? ExpectedTypes(JsonSchema? schema)
    {
        if (schema is null || schema.Type == JsonObjectType.None)
        {
            return null;
        }

        var names = Enum.GetValues<JsonObjectType>()
            .Where(t => t != JsonObjectType.None && t != JsonObjectType.File && schema.Type.HasFlag(t))
            .Select(t => ExpectedType(t switch
            {
                JsonObjectType.String => ValidationErrorKind.StringExpected,
                JsonObjectType.Number => ValidationErrorKind.NumberExpected,
                JsonObjectType.Integer => ValidationErrorKind.IntegerExpected,
                JsonObjectType.Boolean => ValidationErrorKind.BooleanExpected,
                JsonObjectType.Object => ValidationErrorKind.ObjectExpected,
                JsonObjectType.Array => ValidationErrorKind.ArrayExpected,
                _ => ValidationErrorKind.NullExpected,
            }))
            .OfType<string>()
            .ToList();
        return names.Count == 0 ? null : string.Join(" or ", names);
    }

    private static string Found(JToken? token) => token?.Type switch
    {
        JTokenType.String => "a string",
        JTokenType.Integer => "a whole number",
        JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Object => "a mapping",
        JTokenType.Array => "a list",
        JTokenType.Null or null => "empty (null)",
        var other => other.ToString()!.ToLowerInvariant(),
    };

    // The schema's description says what the pattern means (kebab-case name, semantic version).
    private static string? PatternMeaning(JsonSchema? schema) => schema?.Description;
}
