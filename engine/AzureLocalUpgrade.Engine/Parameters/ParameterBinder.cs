using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Parameters;

/// <summary>
/// Binds parameter values from a params file (YAML or JSON map) and <c>--set name=value</c> arguments (which win)
/// to a runbook's declarations: typed, checked against enum and pattern, defaults applied. Every declared name is
/// in the result; an optional parameter without value or default maps to null.
/// </summary>
public static class ParameterBinder
{
    /// <summary>The file name of diagnostics about <c>--set</c> arguments; the line is the argument's 1-based index.</summary>
    public const string CommandLineFile = "--set";

    /// <param name="cluster">The inventory, whose facts supply parameters declared with <c>inventoryFact</c> when nothing is given.</param>
    public static IReadOnlyDictionary<string, object?> Bind(Runbook runbook, IReadOnlyList<string> setArgs, string? paramsFile, DiagnosticBag bag, ClusterInventory? cluster = null)
    {
        var declared = runbook.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var given = new Dictionary<string, (string Text, SourceSpan Span)>(StringComparer.Ordinal);
        if (paramsFile is not null)
        {
            ReadParamsFile(paramsFile, declared, given, bag);
        }

        ReadSetArguments(setArgs, declared, given, bag);

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in runbook.Parameters)
        {
            values[definition.Name] = given.TryGetValue(definition.Name, out var value)
                ? Convert(definition, value.Text, value.Span, bag)
                : FactOf(definition, cluster) ?? DefaultOf(definition, bag);
        }

        return values;
    }

    /// <summary>Facts the inventory already states need no parameter: the inventory decides, a given value only overrides.</summary>
    private static string? FactOf(ParameterDefinition definition, ClusterInventory? cluster) => definition.InventoryFact switch
    {
        "orchestratorOs" => cluster?.Facts.OrchestratorOs,
        _ => null,
    };

    private static object? DefaultOf(ParameterDefinition definition, DiagnosticBag bag)
    {
        if (definition.Default is null && definition.Required)
        {
            bag.Add(DiagnosticCatalog.ParameterValueMissing(definition.Span, definition.Name));
        }

        return definition.Default;
    }

    private static object? Convert(ParameterDefinition definition, string text, SourceSpan span, DiagnosticBag bag)
    {
        var (value, problem) = ParameterValueConverter.Check(definition, text);
        // A secret is never echoed back, not even in its own error message.
        var shown = definition.Type == ParameterType.Secret ? Graph.SecretValue.Mask : text;
        switch (problem)
        {
            case ParameterValueProblem.WrongType:
                bag.Add(DiagnosticCatalog.ParameterValueWrongType(span, definition.Name, shown, ParameterValueConverter.TypeName(definition.Type)));
                return null;
            case ParameterValueProblem.NotInEnum:
                bag.Add(DiagnosticCatalog.ParameterValueNotInEnum(span, definition.Name, shown, definition.Enum));
                return null;
            case ParameterValueProblem.PatternMismatch:
                bag.Add(DiagnosticCatalog.ParameterValuePatternMismatch(span, definition.Name, shown, definition.Pattern ?? ""));
                return null;
            default:
                return value;
        }
    }

    private static void ReadSetArguments(
        IReadOnlyList<string> setArgs,
        Dictionary<string, ParameterDefinition> declared,
        Dictionary<string, (string Text, SourceSpan Span)> given,
        DiagnosticBag bag)
    {
        for (var index = 0; index < setArgs.Count; index++)
        {
            var argument = setArgs[index];
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                bag.Add(DiagnosticCatalog.MalformedSetArgument(SourceSpan.At(CommandLineFile, index + 1, 1), argument));
                continue;
            }

            var name = argument[..equals].Trim();
            if (!declared.ContainsKey(name))
            {
                bag.Add(DiagnosticCatalog.UnknownParameter(SourceSpan.At(CommandLineFile, index + 1, 1), name, declared.Keys));
                continue;
            }

            given[name] = (argument[(equals + 1)..], SourceSpan.At(CommandLineFile, index + 1, equals + 2));
        }
    }

    private static void ReadParamsFile(
        string path,
        Dictionary<string, ParameterDefinition> declared,
        Dictionary<string, (string Text, SourceSpan Span)> given,
        DiagnosticBag bag)
    {
        var source = YamlSourceLoader.Load(path, bag);
        if (source is null)
        {
            return;
        }

        if (source.Root is not YamlMappingNode map)
        {
            bag.Add(DiagnosticCatalog.ParamsFileNotMap(source.Root is null ? SourceSpan.At(path, 1, 1) : YamlSpans.Of(path, source.Root)));
            return;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!declared.TryGetValue(name, out var definition))
            {
                bag.Add(DiagnosticCatalog.UnknownParameter(YamlSpans.Of(path, key), name, declared.Keys));
                continue;
            }

            var span = YamlSpans.Of(path, value);
            if (value is not YamlScalarNode scalar)
            {
                bag.Add(DiagnosticCatalog.ParameterValueWrongType(span, name, "(a " + (value is YamlSequenceNode ? "list" : "map") + ")", ParameterValueConverter.TypeName(definition.Type)));
                continue;
            }

            // `name: null` or `name:` leaves the parameter unset, so its default applies.
            if (YamlScalarTyping.Interpret(scalar) is not null)
            {
                given[name] = (scalar.Value ?? "", span);
            }
        }
    }
}
