using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Diagnostics;

namespace AzureLocalUpgrade.Engine.Selection;

/// <summary>
/// Finds the shipped runbooks by scanning a runbooks folder and reading only their metadata
/// (kind, name, version, upgrade, method). Fragments and unreadable files are left out; full validation is
/// `alu validate`'s job.
/// </summary>
public static class RunbookCatalog
{
    public static IReadOnlyList<ShippedRunbook> Scan(string runbooksFolder) =>
        Directory.EnumerateFiles(runbooksFolder, "*.yaml", SearchOption.AllDirectories)
            .Select(path => TryRead(path, runbooksFolder))
            .OfType<ShippedRunbook>()
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();

    private static ShippedRunbook? TryRead(string path, string root)
    {
        YamlMappingNode document;
        if (YamlSourceLoader.ReadSafeText(path, new DiagnosticBag()) is not { } text)
        {
            return null; // a device, a FIFO, too large or hostile: `alu validate` says why
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return null;
            }

            document = map;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null;
        }

        if (Text(document, "kind") != "Runbook" || Child(document, "metadata") is not { } metadata
            || Child(metadata, "upgrade") is not { } upgrade)
        {
            return null;
        }

        var relative = System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
        return Text(metadata, "name") is { } name && Text(upgrade, "from") is { } from && Text(upgrade, "to") is { } to
            ? new ShippedRunbook(relative, name, Text(metadata, "version") ?? "0.0.0", from, to, Text(metadata, "method") ?? "custom")
            : null;
    }

    private static YamlMappingNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlMappingNode : null;

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;
}
