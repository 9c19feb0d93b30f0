using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>A YAML document alu reads: its source (text, lines, spans) and its top-level mapping.</summary>
internal sealed record AluDocument(YamlSource Source, YamlMap Map)
{
    /// <summary>
    /// The start every alu YAML document shares (runbooks and fragments, cluster inventories, fleet files): the one
    /// bounded reader and the YAML parser under <paramref name="limits"/>, a mapping at the top (ALU1007), a supported
    /// apiVersion (ALU1008), then the document's schema. Null when reading stops before the schema; the schema's
    /// findings go to the bag and the document is still returned, because a runbook or inventory reader can still
    /// point at more mistakes while a fleet reader stops there.
    /// </summary>
    public static AluDocument? Load(string fullPath, string schemaFile, DiagnosticBag bag, LoadLimits? limits, SourceSpan? referencedFrom = null)
    {
        var source = YamlSourceLoader.Load(fullPath, bag, limits, referencedFrom);
        if (source is null)
        {
            return null;
        }

        if (YamlMap.From(source.Root) is not { } document)
        {
            bag.Add(DiagnosticCatalog.DocumentNotMapping(source.Root is null ? SourceSpan.At(fullPath, 1, 1) : YamlSpans.Of(fullPath, source.Root)));
            return null;
        }

        var apiVersion = document.String("apiVersion");
        if (apiVersion is null || !RunbookLoader.SupportedApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            var at = document.Get("apiVersion") is { } node ? YamlSpans.Of(fullPath, node) : YamlSpans.Of(fullPath, document.Node);
            bag.Add(DiagnosticCatalog.UnsupportedApiVersion(at, apiVersion, RunbookLoader.SupportedApiVersions));
            return null;
        }

        YamlSchemaValidation.Validate(schemaFile, source, document.Node, fullPath, bag);
        return new AluDocument(source, document);
    }

    /// <summary>
    /// Reads <paramref name="path"/> with a bag of its own, passes every diagnostic on, and returns the result only
    /// when there was no error: a half-read inventory or fleet could point a run at the wrong hosts.
    /// </summary>
    public static T? AllOrNothing<T>(string path, DiagnosticBag bag, Func<string, DiagnosticBag, T?> read)
        where T : class
    {
        var local = new DiagnosticBag();
        var result = read(Path.GetFullPath(path), local);
        bag.AddRange(local.Items);
        return local.HasErrors ? null : result;
    }
}
