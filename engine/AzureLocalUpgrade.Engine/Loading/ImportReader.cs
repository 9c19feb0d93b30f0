using AzureLocalUpgrade.Engine.Model;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>Reads <c>imports:</c> and resolves each path against the importing file; the loader fills in the fragment.</summary>
internal static class ImportReader
{
    public static IReadOnlyList<ImportDefinition> Read(YamlSource source, IReadOnlyList<YamlNode> items)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(source.FilePath)) ?? "";
        var result = new List<ImportDefinition>();
        foreach (var item in items)
        {
            if (YamlMap.From(item) is not { } map || map.String("as") is not { } alias || map.String("fragment") is not { Length: > 0 } fragment)
            {
                continue;
            }

            var resolved = Resolve(directory, fragment);
            result.Add(new ImportDefinition(alias, fragment, resolved, ReadWith(source, map.Map("with")), null, YamlSpans.Of(source.FilePath, item)));
        }

        return result;
    }

    // A path with characters the OS refuses (e.g. NUL) cannot exist; keeping it unresolved reports "not found".
    internal static string Resolve(string directory, string fragment)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(directory, fragment));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Path.Combine(directory, fragment);
        }
    }

    /// <summary><c>with:</c> values: kept as text (templates allowed) plus the typed literal.</summary>
    public static IReadOnlyDictionary<string, TemplateValue> ReadWith(YamlSource source, YamlMap? with)
    {
        var result = new Dictionary<string, TemplateValue>(StringComparer.Ordinal);
        if (with is null)
        {
            return result;
        }

        foreach (var (key, value) in with.Node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode scalar)
            {
                result[name] = new TemplateValue(EmbeddedTextFactory.Create(source, scalar), YamlScalarTyping.Interpret(scalar));
            }
        }

        return result;
    }
}
