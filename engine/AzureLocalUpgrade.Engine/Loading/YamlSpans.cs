using AzureLocalUpgrade.Engine.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>Turns YamlDotNet marks (1-based, long) into <see cref="SourceSpan"/>s.</summary>
public static class YamlSpans
{
    public static SourceSpan Of(string file, YamlNode node) => Of(file, node.Start, node.End);

    public static SourceSpan Of(string file, Mark start, Mark end) =>
        new(file, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    public static SourceSpan At(string file, Mark mark) => SourceSpan.At(file, (int)mark.Line, (int)mark.Column);
}
