using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Text;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// Maps one loaded catalog file (JSON, read by the same bounded YAML reader as runbooks so every node keeps its
/// line:column) to a <see cref="CatalogFile"/>. A part of the wrong shape is reported once (ALU1016) and left out;
/// the rest of the file is still used, so one mistake in a vendor's catalog does not hide every other command.
/// </summary>
internal sealed class CatalogFileReader(YamlSource source, DiagnosticBag bag)
{
    public const int FormatVersion = 1;

    public CatalogFile? Read()
    {
        if (YamlMap.From(source.Root) is not { } root)
        {
            Invalid(source.Root, "the file", "must be a JSON object with formatVersion, module and commands");
            return null;
        }

        var version = root.Integer("formatVersion");
        if (version != FormatVersion)
        {
            var at = root.Get("formatVersion") ?? root.Node;
            bag.Add(DiagnosticCatalog.CatalogFormatVersion(Span(at), root.String("formatVersion"), FormatVersion));
            return null;
        }

        var commands = new List<CatalogCommand>();
        foreach (var (node, index) in Sequence(root, "commands", "the file").Select((n, i) => (n, i)))
        {
            if (ReadCommand(node, $"commands[{index}]") is { } command)
            {
                commands.Add(command);
            }
        }

        return new CatalogFile(source.FilePath, commands, ReadTypes(root));
    }

    private CatalogCommand? ReadCommand(YamlNode node, string where)
    {
        if (YamlMap.From(node) is not { } command || command.String("name") is not { Length: > 0 } name)
        {
            Invalid(node, where, "must be an object with a 'name'");
            return null;
        }

        where = $"command '{name}'";
        var kind = command.String("kind") switch
        {
            null or "cmdlet" => CatalogCommandKind.Cmdlet,
            "function" => CatalogCommandKind.Function,
            "application" => CatalogCommandKind.Application,
            "alu" => CatalogCommandKind.Alu,
            var other => Unknown(command.Get("kind")!, where, $"has kind '{other}', which is not cmdlet, function, application or alu"),
        };
        if (kind is null)
        {
            return null;
        }

        var availability = command.Map("availability");
        var parameters = Sequence(command, "parameters", where).Select(p => ReadParameter(p, where)).OfType<CatalogParameter>().ToList();
        return new CatalogCommand(
            name,
            kind.Value,
            Text(availability, "requires"),
            Strings(availability, "docsets", where) ?? [],
            command.Bool("commonParameters") ?? kind is not CatalogCommandKind.Application,
            Text(command, "defaultSet"),
            parameters,
            Strings(command, "outputs", where) ?? [],
            Span(command.Node));
    }

    private CatalogParameter? ReadParameter(YamlNode node, string command)
    {
        if (YamlMap.From(node) is not { } parameter || parameter.String("name") is not { Length: > 0 } name)
        {
            Invalid(node, $"a parameter of {command}", "must be an object with a 'name'");
            return null;
        }

        var where = $"parameter '{name}' of {command}";
        var sets = new List<CatalogParameterSet>();
        foreach (var setNode in Sequence(parameter, "sets", where))
        {
            if (YamlMap.From(setNode) is not { } set || set.String("set") is not { Length: > 0 } setName)
            {
                Invalid(setNode, $"a set of {where}", "must be an object with a 'set'");
                continue;
            }

            var position = set.Integer("position");
            sets.Add(new CatalogParameterSet(
                setName,
                position is null ? null : (int)position.Value,
                set.Bool("mandatory") ?? false,
                set.Bool("valueFromPipeline") ?? false,
                set.Bool("valueFromPipelineByPropertyName") ?? false));
        }

        if (sets.Count == 0)
        {
            sets.Add(new CatalogParameterSet(CatalogParameterSet.AllSets, null, false, false, false));
        }

        // The type decides, as it does for PowerShell's binder: a SwitchParameter never takes the next argument.
        var type = Text(parameter, "type");
        var isSwitch = (parameter.Bool("switch") ?? false) || type is "System.Management.Automation.SwitchParameter" or "SwitchParameter";
        var (aliases, accepted) = WithOtherDocsets(parameter, where, Strings(parameter, "aliases", where) ?? [], Strings(parameter, "acceptedValues", where));
        return new CatalogParameter(
            name,
            type,
            aliases,
            isSwitch,
            accepted,
            Strings(parameter, "docsets", where),
            sets);
    }

    // byDocset: where another docset's page differs. An alias or value any docset documents is accepted (the call
    // is not refused for a value one release lacks); the sets stay those of the source page.
    private (IReadOnlyList<string> Aliases, IReadOnlyList<string>? Accepted) WithOtherDocsets(
        YamlMap parameter, string where, IReadOnlyList<string> aliases, IReadOnlyList<string>? accepted)
    {
        if (parameter.Map("byDocset") is not { } byDocset)
        {
            return (aliases, accepted);
        }

        foreach (var docset in byDocset.Keys)
        {
            if (byDocset.Map(docset) is not { } facts)
            {
                continue;
            }

            aliases = [.. aliases.Union(Strings(facts, "aliases", where) ?? [], StringComparer.OrdinalIgnoreCase)];
            if (facts.Has("acceptedValues"))
            {
                var other = Strings(facts, "acceptedValues", where);
                accepted = accepted is null || other is null ? null : [.. accepted.Union(other, StringComparer.OrdinalIgnoreCase)];
            }
        }

        return (aliases, accepted);
    }

    private Dictionary<string, CatalogType> ReadTypes(YamlMap root)
    {
        var types = new Dictionary<string, CatalogType>(StringComparer.OrdinalIgnoreCase);
        if (root.Get("types") is not { } node)
        {
            return types;
        }

        if (YamlMap.From(node) is not { } map)
        {
            Invalid(node, "'types'", "must be an object of type name to { properties }");
            return types;
        }

        foreach (var name in map.Keys)
        {
            var where = $"type '{name}'";
            if (map.Map(name) is not { } type || Strings(type, "properties", where) is not { } properties)
            {
                Invalid(map.Get(name)!, where, "must be an object with a 'properties' list");
                continue;
            }

            types[name] = new CatalogType(name, properties.ToHashSet(StringComparer.OrdinalIgnoreCase));
        }

        return types;
    }

    // A string value; JSON null reads as absent.
    private static string? Text(YamlMap? map, string key) =>
        map?.Scalar(key) is { } scalar && YamlScalarTyping.Interpret(scalar) is not null ? scalar.Value : null;

    // A list of strings, null when absent or null; a wrong shape is reported and read as absent.
    private IReadOnlyList<string>? Strings(YamlMap? map, string key, string where)
    {
        switch (map?.Get(key))
        {
            case null:
                return null;
            case YamlScalarNode scalar when YamlScalarTyping.Interpret(scalar) is null:
                return null;
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                return [.. sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? "")];
            case var other:
                Invalid(other, $"'{key}' of {where}", "must be a list of strings");
                return null;
        }
    }

    private IReadOnlyList<YamlNode> Sequence(YamlMap map, string key, string where)
    {
        switch (map.Get(key))
        {
            case null:
                return [];
            case YamlScalarNode scalar when YamlScalarTyping.Interpret(scalar) is null:
                return [];
            case YamlSequenceNode sequence:
                return [.. sequence.Children];
            case var other:
                Invalid(other, $"'{key}' of {where}", "must be a list");
                return [];
        }
    }

    private CatalogCommandKind? Unknown(YamlNode node, string where, string problem)
    {
        bag.Add(DiagnosticCatalog.CatalogInvalid(Span(node), $"{where} {problem}"));
        return null;
    }

    private void Invalid(YamlNode? node, string where, string problem) =>
        bag.Add(DiagnosticCatalog.CatalogInvalid(node is null ? SourceSpan.At(source.FilePath, 1, 1) : Span(node), $"{where} {problem}"));

    // Nodes built from a shipped file's JSON (a source without lines) have no marks: the file is named without a position.
    private SourceSpan Span(YamlNode node) =>
        source.Lines.Count == 0 ? new SourceSpan(source.FilePath, 0, 0, 0, 0) : YamlSpans.Of(source.FilePath, node);
}
