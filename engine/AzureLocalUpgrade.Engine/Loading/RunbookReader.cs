using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Maps one schema-checked YAML document to a <see cref="Runbook"/> by hand, so every part keeps its position.
/// Imports come back unresolved (<see cref="ImportDefinition.Fragment"/> null); <see cref="RunbookLoader"/> fills them.
/// </summary>
internal static class RunbookReader
{
    public static Runbook Read(YamlSource source, YamlMap document, DiagnosticBag bag)
    {
        var kind = document.String("kind") == "Fragment" ? RunbookKind.Fragment : RunbookKind.Runbook;
        CheckSections(source, document, kind, bag);
        var metadata = ReadMetadata(source, document, kind, bag);
        var declarations = kind == RunbookKind.Fragment ? document.Map("inputs") : document.Map("parameters");
        return new Runbook(
            ApiVersion: document.String("apiVersion") ?? "",
            Kind: kind,
            Metadata: metadata,
            Parameters: ParameterReader.Read(source, declarations, bag),
            Imports: ImportReader.Read(source, document.List("imports")),
            Steps: new StepReader(source, bag).ReadList(document.List("steps"), insideForEach: false),
            FilePath: source.FilePath,
            Span: YamlSpans.Of(source.FilePath, document.Node));
    }

    private static void CheckSections(YamlSource source, YamlMap document, RunbookKind kind, DiagnosticBag bag)
    {
        var (forbidden, instead) = kind == RunbookKind.Fragment ? ("parameters", "inputs") : ("inputs", "parameters");
        if (document.KeyNode(forbidden) is { } key)
        {
            bag.Add(DiagnosticCatalog.SectionNotForKind(YamlSpans.Of(source.FilePath, key), forbidden, kind.ToString(), instead));
        }
    }

    private static RunbookMetadata ReadMetadata(YamlSource source, YamlMap document, RunbookKind kind, DiagnosticBag bag)
    {
        var metadata = document.Map("metadata");
        var upgradeMap = metadata?.Map("upgrade");
        var upgrade = upgradeMap?.String("from") is { } from && upgradeMap.String("to") is { } to ? new UpgradePath(from, to) : null;
        if (kind == RunbookKind.Runbook && metadata is not null)
        {
            var at = YamlSpans.Of(source.FilePath, document.KeyNode("metadata")!);
            if (!metadata.Has("upgrade"))
            {
                bag.Add(DiagnosticCatalog.RunbookMetadataMissing(at, "upgrade"));
            }

            if (!metadata.Has("method"))
            {
                bag.Add(DiagnosticCatalog.RunbookMetadataMissing(at, "method"));
            }
        }

        var span = metadata is null ? YamlSpans.Of(source.FilePath, document.Node) : YamlSpans.Of(source.FilePath, metadata.Node);
        return new RunbookMetadata(metadata?.String("name") ?? "", metadata?.String("version") ?? "", metadata?.String("description"), upgrade, metadata?.String("method"), span,
            ReadCatalogs(source, metadata));
    }

    private static IReadOnlyList<CatalogReference> ReadCatalogs(YamlSource source, YamlMap? metadata)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(source.FilePath)) ?? "";
        return [.. (metadata?.List("catalogs") ?? [])
            .OfType<YamlDotNet.RepresentationModel.YamlScalarNode>()
            .Where(item => item.Value is { Length: > 0 })
            .Select(item => new CatalogReference(item.Value!, ImportReader.Resolve(directory, item.Value!), YamlSpans.Of(source.FilePath, item)))];
    }
}
