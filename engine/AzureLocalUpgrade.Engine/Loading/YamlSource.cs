using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// A loaded YAML file: its first document's root node (with marks; null for an empty file) and its raw lines,
/// which block-scalar positions need.
/// </summary>
public sealed record YamlSource(string FilePath, YamlNode? Root, IReadOnlyList<string> Lines);
