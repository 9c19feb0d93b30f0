using AzureLocalUpgrade.Engine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// A first pass over the YAML event stream that enforces <see cref="LoadLimits"/> before the representation
/// model is built: that builder recurses per nesting level (a deep file would overflow the stack, which no
/// catch can stop) and shares aliased nodes (a "billion laughs" file would explode only later, when walked).
/// The pass is iterative and counts each anchor's expanded size once, so even a hostile file costs linear time.
/// </summary>
internal static class YamlSafetyScanner
{
    private sealed class Frame(string? anchor, int depth)
    {
        public string? Anchor { get; } = anchor;
        public int Depth { get; } = depth;
        public long Size { get; set; } = 1;
        public int Height { get; set; } = 1;
    }

    private readonly record struct Expansion(long Size, int Height);

    /// <summary>Returns a diagnostic when the text breaks a limit, or null when it is safe to load.</summary>
    public static Diagnostic? Scan(string file, string text, LoadLimits limits)
    {
        var anchors = new Dictionary<string, Expansion>(StringComparer.Ordinal);
        var open = new Stack<Frame>();
        long total = 0;
        var aliasSeen = false;
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var depth = open.Count;
            switch (current)
            {
                case MappingStart or SequenceStart:
                    if (depth + 1 > limits.MaxDepth)
                    {
                        return DiagnosticCatalog.NestingTooDeep(YamlSpans.At(file, current.Start), limits.MaxDepth);
                    }

                    open.Push(new Frame(AnchorOf((NodeEvent)current), depth + 1));
                    break;
                case MappingEnd or SequenceEnd:
                    var done = open.Pop();
                    if (done.Anchor is not null)
                    {
                        anchors[done.Anchor] = new Expansion(done.Size, done.Height);
                    }

                    AddToParent(open, done.Size, done.Height);
                    total += 1;
                    break;
                case Scalar scalar:
                    if (AnchorOf(scalar) is { } scalarAnchor)
                    {
                        anchors[scalarAnchor] = new Expansion(1, 0);
                    }

                    AddToParent(open, 1, 0);
                    total += 1;
                    break;
                case AnchorAlias alias:
                    aliasSeen = true;
                    // An alias to an anchor that is still open refers to itself: its expansion never ends.
                    if (!anchors.TryGetValue(alias.Value.Value, out var expansion))
                    {
                        if (open.Any(f => f.Anchor == alias.Value.Value))
                        {
                            return DiagnosticCatalog.AliasExpansionTooLarge(YamlSpans.At(file, alias.Start), limits.MaxExpandedNodes);
                        }

                        // An undefined anchor: the representation model reports it as a syntax error with its position.
                        expansion = new Expansion(1, 0);
                    }

                    if (depth + expansion.Height > limits.MaxDepth)
                    {
                        return DiagnosticCatalog.NestingTooDeep(YamlSpans.At(file, alias.Start), limits.MaxDepth);
                    }

                    if (expansion.Size > limits.MaxExpandedNodes - total)
                    {
                        return DiagnosticCatalog.AliasExpansionTooLarge(YamlSpans.At(file, alias.Start), limits.MaxExpandedNodes);
                    }

                    AddToParent(open, expansion.Size, expansion.Height);
                    total += expansion.Size;
                    break;
            }

            if (total > limits.MaxExpandedNodes)
            {
                // Without a single alias the document is simply big: blaming aliases would send the author looking
                // for something that is not there.
                return aliasSeen
                    ? DiagnosticCatalog.AliasExpansionTooLarge(YamlSpans.At(file, current.Start), limits.MaxExpandedNodes)
                    : InputDiagnostics.TooManyNodes(YamlSpans.At(file, current.Start), limits.MaxExpandedNodes);
            }
        }

        return null;
    }

    private static string? AnchorOf(NodeEvent node) => node.Anchor.IsEmpty ? null : node.Anchor.Value;

    private static void AddToParent(Stack<Frame> open, long size, int height)
    {
        if (open.TryPeek(out var parent))
        {
            // Saturate instead of overflowing: nested aliases can multiply sizes beyond long.
            parent.Size = size > long.MaxValue - parent.Size ? long.MaxValue : parent.Size + size;
            parent.Height = Math.Max(parent.Height, height + 1);
        }
    }
}
