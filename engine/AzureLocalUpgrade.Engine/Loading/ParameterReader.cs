using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Parameters;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>Reads <c>parameters:</c> / <c>inputs:</c> declarations and types their defaults (ALU2011 when a default does not fit).</summary>
internal static class ParameterReader
{
    public static IReadOnlyList<ParameterDefinition> Read(YamlSource source, YamlMap? section, DiagnosticBag bag)
    {
        if (section is null)
        {
            return [];
        }

        var result = new List<ParameterDefinition>();
        foreach (var (keyNode, valueNode) in section.Node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name } || YamlMap.From(valueNode) is not { } body)
            {
                continue;
            }

            var type = ParseType(body.String("type"));
            if (type is null)
            {
                continue; // The schema reported the missing or unknown type.
            }

            var enumValues = body.List("enum").OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToList();
            var pattern = body.String("pattern");
            var declared = new ParameterDefinition(name, type.Value, body.String("description"), null, true, enumValues, pattern, YamlSpans.Of(source.FilePath, keyNode));
            var defaultValue = ReadDefault(source, declared, body, bag);
            var required = body.Bool("required") ?? !body.Has("default");
            result.Add(declared with { Default = defaultValue, Required = required, InventoryFact = body.String("inventoryFact") });
        }

        return result;
    }

    private static object? ReadDefault(YamlSource source, ParameterDefinition declared, YamlMap body, DiagnosticBag bag)
    {
        var node = body.Get("default");
        if (node is null)
        {
            return null;
        }

        var span = YamlSpans.Of(source.FilePath, node);
        var typeName = ParameterValueConverter.TypeName(declared.Type);
        if (node is not YamlScalarNode scalar)
        {
            bag.Add(DiagnosticCatalog.ParameterDefaultInvalid(span, declared.Name, $"it must be a single {typeName} value"));
            return null;
        }

        // An explicit null default means "no value" for an optional parameter.
        if (YamlScalarTyping.Interpret(scalar) is null)
        {
            return null;
        }

        var (value, problem) = ParameterValueConverter.Check(declared, scalar.Value ?? "");
        var reason = problem switch
        {
            ParameterValueProblem.WrongType => $"'{scalar.Value}' is not a valid {typeName}",
            ParameterValueProblem.NotInEnum => $"'{scalar.Value}' is not one of: {string.Join(", ", declared.Enum)}",
            ParameterValueProblem.PatternMismatch => $"'{scalar.Value}' does not match the pattern {declared.Pattern}",
            _ => null,
        };
        if (reason is not null)
        {
            bag.Add(DiagnosticCatalog.ParameterDefaultInvalid(span, declared.Name, reason));
            return null;
        }

        return value;
    }

    private static ParameterType? ParseType(string? text) => text switch
    {
        "string" => ParameterType.String,
        "int" => ParameterType.Int,
        "bool" => ParameterType.Bool,
        "duration" => ParameterType.Duration,
        "path" => ParameterType.Path,
        "secret" => ParameterType.Secret,
        _ => null,
    };
}
