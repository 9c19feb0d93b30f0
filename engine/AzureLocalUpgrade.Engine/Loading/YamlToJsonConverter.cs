using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Converts the YAML representation model to Newtonsoft tokens for NJsonSchema, annotating every value and every
/// property key with its <see cref="TokenPosition"/>. Call only on a source the safety scanner accepted:
/// aliases are expanded here, which is bounded because the scanner capped the expanded size and depth.
/// </summary>
public static class YamlToJsonConverter
{
    public static JToken Convert(YamlNode node)
    {
        JToken token = node switch
        {
            YamlMappingNode mapping => ConvertMapping(mapping),
            YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
            YamlScalarNode scalar => new JValue(YamlScalarTyping.Interpret(scalar)),
            _ => JValue.CreateNull(),
        };
        token.AddAnnotation(new TokenPosition((int)node.Start.Line, (int)node.Start.Column));
        return token;
    }

    private static JObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JObject();
        foreach (var (key, value) in mapping.Children)
        {
            // Keys are strings in every document we accept; a complex key is kept by its text so the schema can reject it.
            var name = key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : key.ToString();
            var property = new JProperty(name, Convert(value));
            property.AddAnnotation(new TokenPosition((int)key.Start.Line, (int)key.Start.Column));
            result.Remove(name);
            result.Add(property);
        }

        return result;
    }
}
