using AzureLocalUpgrade.Engine.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Makes <see cref="EmbeddedText"/> from a scalar, working out where the value's first character sits in the
/// file so an error at line:column inside a script or template maps to the exact YAML character.
/// </summary>
internal static class EmbeddedTextFactory
{
    public static EmbeddedText Create(YamlSource source, YamlScalarNode scalar)
    {
        var span = YamlSpans.Of(source.FilePath, scalar);
        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;
        var value = scalar.Value ?? "";
        return scalar.Style switch
        {
            // The mark sits on the indicator (| or >); the content starts on the next line, at the block's
            // indentation. Leading blank lines belong to the value, so value line 1 is always the next file line.
            ScalarStyle.Literal or ScalarStyle.Folded =>
                new EmbeddedText(value, span, line + 1, BlockIndentation(source, line) + 1, IsBlock: true),
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted =>
                new EmbeddedText(value, span, line, column + 1, IsBlock: false),
            _ => new EmbeddedText(value, span, line, column, IsBlock: false),
        };
    }

    /// <summary>Text written as a YAML boolean (<c>when: true</c>) keeps its position but has no quotes to skip.</summary>
    public static EmbeddedText FromAny(YamlSource source, YamlNode node) =>
        node is YamlScalarNode scalar ? Create(source, scalar) : EmbeddedText.Synthetic("");

    // The indentation of a block scalar is that of its first non-blank content line.
    private static int BlockIndentation(YamlSource source, int indicatorLine)
    {
        for (var index = indicatorLine; index < source.Lines.Count; index++)
        {
            var text = source.Lines[index];
            if (text.Trim().Length > 0)
            {
                return text.Length - text.TrimStart(' ').Length;
            }
        }

        return 0;
    }
}
