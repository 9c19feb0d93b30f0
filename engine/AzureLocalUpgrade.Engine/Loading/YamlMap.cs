using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Read access to a YAML mapping by key that tolerates a wrong shape: a value of the wrong kind reads as absent,
/// because the schema has already reported it with a better message and position.
/// </summary>
internal sealed class YamlMap(YamlMappingNode node)
{
    public YamlMappingNode Node { get; } = node;

    public static YamlMap? From(YamlNode? node) => node is YamlMappingNode mapping ? new YamlMap(mapping) : null;

    public IEnumerable<string> Keys => Node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Get(string key) => Find(key)?.Value;

    public YamlScalarNode? KeyNode(string key) => Find(key)?.Key as YamlScalarNode;

    public YamlScalarNode? Scalar(string key) => Get(key) as YamlScalarNode;

    public YamlMap? Map(string key) => From(Get(key));

    public IReadOnlyList<YamlNode> List(string key) => Get(key) is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public string? String(string key) => Scalar(key)?.Value;

    public bool? Bool(string key) => Scalar(key) is { } scalar && YamlScalarTyping.Interpret(scalar) is bool value ? value : null;

    public long? Integer(string key) => Scalar(key) is { } scalar && YamlScalarTyping.Interpret(scalar) is long value ? value : null;

    public double? Number(string key) => Scalar(key) is { } scalar ? YamlScalarTyping.Interpret(scalar) switch
    {
        long whole => whole,
        double real => real,
        _ => null,
    } : null;

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var pair in Node.Children)
        {
            if (pair.Key is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return pair;
            }
        }

        return null;
    }
}
